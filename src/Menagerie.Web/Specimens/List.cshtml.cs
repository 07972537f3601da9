using Menagerie.App;
using Menagerie.App.Specimens;
using Menagerie.App.Taxa;
using Menagerie.Domain.Specimens;
using Menagerie.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Menagerie.Web.Specimens;

/// <summary>The animals of the viewer's institutions, filtered and a page at a time, or all of them as CSV.</summary>
public sealed class ListModel(SpecimenQueries queries, TaxonCommands taxa) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Holder { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Owner { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Taxon { get; set; }

    [BindProperty(SupportsGet = true)]
    public SpecimenStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public Sex? Sex { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Loan { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Available { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public SpecimenPage? Found { get; private set; }

    public FormProblems Problems { get; private set; } = FormProblems.None;

    public IReadOnlyList<TaxonView> Taxa { get; private set; } = [];

    public int Pages => Found is null ? 0 : Math.Max(1, (Found.Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        var outcome = await queries.ListAsync(Filter((PageNumber - 1) * PageSize, PageSize), ct);
        if (this.Refusal(outcome) is { } refused)
            return refused;
        Taxa = await taxa.ListAsync(ct);
        if (outcome is Outcome<SpecimenPage>.Invalid invalid)
            Problems = new FormProblems(invalid.Violations);
        else
            Found = ((Outcome<SpecimenPage>.Ok)outcome).Value;
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var all = new List<SpecimenView>();
        while (true)
        {
            var outcome = await queries.ListAsync(Filter(all.Count, SpecimenQueries.MaxPageSize), ct);
            if (this.Refusal(outcome) is { } refused)
                return refused;
            if (outcome is not Outcome<SpecimenPage>.Ok { Value: var page })
                return BadRequest();
            all.AddRange(page.Items);
            if (page.Items.Count < SpecimenQueries.MaxPageSize)
                break;
        }
        return CsvDownload.File("animals.csv",
            ["global_id", "kind", "scientific_name", "common_name", "sex", "counts", "house_name", "status", "holder", "owner", "birth_date", "cites_source", "origin", "available_for_transfer", "identifiers"],
            all.Select(s => new[]
            {
                s.Id.ToString(), s.Kind.ToString().ToLowerInvariant(), s.Taxon.ScientificName, s.Taxon.CommonName, s.Sex.ToString().ToLowerInvariant(), s.Counts, s.Name,
                s.Status.ToString().ToLowerInvariant(), s.Holder?.Code, s.Owner?.Code, CsvDownload.Date(s.BirthDate), s.CitesSource, s.Origin,
                s.AvailableForTransfer ? "true" : "false",
                string.Join(";", s.Identifiers.Select(i => $"{i.Scheme}:{i.Value}")),
            }));
    }

    /// <summary>This list's address with one filter or the page changed.</summary>
    public string Link(int page) => QueryString.Create(new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["holder"] = Holder,
        ["owner"] = Owner,
        ["taxon"] = Taxon,
        ["status"] = Status?.ToString(),
        ["sex"] = Sex?.ToString(),
        ["loan"] = Loan ? "true" : null,
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();

    private SpecimenFilter Filter(int offset, int limit) => new(Holder, Taxon, Status, offset, limit, Sex, Owner, Loan, Available);
}
