using Menagerie.App.Institutions;
using Menagerie.App.Persistence;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Menagerie.Web.Pages;

public sealed record InstitutionRow(InstitutionView Institution, int Specimens, int Animals);

public sealed class IndexModel(InstitutionCommands institutions, MenagerieDbContext db) : PageModel
{
    public IReadOnlyList<InstitutionRow> Institutions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var held = await db.Specimens.AsNoTracking().Where(s => s.HolderId != null)
            .GroupBy(s => s.HolderId)
            .Select(g => new { Holder = g.Key, Specimens = g.Count(), Animals = g.Sum(s => s.Males + s.Females + s.UnknownSex) })
            .ToListAsync(ct);
        Institutions = (await institutions.ListAsync(ct)).Select(i =>
        {
            var h = held.FirstOrDefault(x => x.Holder?.Value == i.Id);
            return new InstitutionRow(i, h?.Specimens ?? 0, h?.Animals ?? 0);
        }).ToList();
    }
}
