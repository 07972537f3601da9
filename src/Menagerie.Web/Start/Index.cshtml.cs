using Menagerie.App.Start;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Menagerie.Web.Start;

/// <summary>What Menagerie is, to anyone; what waits for them, to a person signed in.</summary>
public sealed class IndexModel(StartPage start) : PageModel
{
    public StartPageView? Work { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated == true)
            Work = await start.ForMeAsync(ct);
    }
}
