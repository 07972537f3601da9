using Menagerie.App;
using Menagerie.App.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Menagerie.Web.Search;

public sealed class SearchModel(SearchQueries search) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public SearchResults? Results { get; private set; }

    public Domain.Wording? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Query))
            return;
        switch (await search.FindAsync(Query, ct))
        {
            case Outcome<SearchResults>.Ok ok:
                Results = ok.Value;
                break;
            case Outcome<SearchResults>.Invalid invalid:
                Problem = invalid.Violations[0].Wording;
                break;
        }
    }
}
