using Menagerie.App.Studbooks;
using Menagerie.Genetics.Pedigrees;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Menagerie.Web.Studbooks;

/// <summary>The individuals of a studbook on a day, a page at a time, sorted and filtered as the keeper asks.</summary>
public sealed class IndividualsModel(StudbookRecords records) : PageModel
{
    public const int PageSize = 100;

    /// <summary>The columns the table sorts by, as the query names them.</summary>
    public static readonly string[] Sorts = ["id", "sex", "age", "alive", "f", "mk", "rank"];

    [BindProperty(SupportsGet = true)]
    public string? Reference { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? On { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Dir { get; set; }

    /// <summary>Part of an id.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>male, female or unknown; blank for all.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Sex { get; set; }

    /// <summary>yes for the living only, no for the dead only.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Alive { get; set; }

    /// <summary>yes for the reference population only.</summary>
    [BindProperty(SupportsGet = true)]
    public string? InReference { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public StudbookHeader Header { get; private set; } = null!;
    public StudbookAnalysisState Analysis { get; private set; } = null!;
    public IReadOnlyList<StudbookIndividualRow> Rows { get; private set; } = [];
    public int Matching { get; private set; }
    public int Pages => Math.Max(1, (Matching + PageSize - 1) / PageSize);
    public IReadOnlyDictionary<string, Guid> Specimens { get; private set; } = new Dictionary<string, Guid>(StringComparer.Ordinal);
    public bool Descending => string.Equals(Dir, "desc", StringComparison.Ordinal);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var (header, analysis, refusal) = await StudbookPages.OpenAsync(this, records, id, "individuals", Reference, On, ct);
        if (refusal is not null)
            return refusal;
        (Header, Analysis) = (header!, analysis!);
        if (Analysis.Results is { } results)
        {
            var matching = Filter(results.Individuals);
            Matching = matching.Count;
            PageNumber = Math.Clamp(PageNumber, 1, Pages);
            Rows = Ordered(matching).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
            // The studbook's own view already lists the links the reader may see: no second query for them.
            Specimens = StudbookView.Unambiguous(Header.Studbook.Linked);
        }
        return Page();
    }

    /// <summary>This page's address with some of its query changed; a changed sort or filter starts again at page 1.</summary>
    public string With(string? sort = null, string? dir = null, int? page = null)
    {
        var query = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["reference"] = Reference,
            ["on"] = On,
            ["q"] = Q,
            ["sex"] = Sex,
            ["alive"] = Alive,
            ["inReference"] = InReference,
            ["sort"] = sort ?? Sort,
            ["dir"] = dir ?? Dir,
            ["page"] = (page ?? (sort is null ? PageNumber : 1)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Header.Link("individuals").Split('?')[0] + QueryString.Create(query.Where(p => !string.IsNullOrEmpty(p.Value)));
    }

    private List<StudbookIndividualRow> Filter(IReadOnlyList<StudbookIndividualRow> all)
    {
        var q = Q?.Trim();
        Sex? sex = Sex switch { "male" => Genetics.Pedigrees.Sex.Male, "female" => Genetics.Pedigrees.Sex.Female, "unknown" => Genetics.Pedigrees.Sex.Unknown, _ => null };
        return all.Where(r => (string.IsNullOrEmpty(q) || r.Id.Contains(q, StringComparison.OrdinalIgnoreCase))
                && (sex is null || r.Sex == sex)
                && (Alive is not ("yes" or "no") || r.Alive == string.Equals(Alive, "yes", StringComparison.Ordinal))
                && (!string.Equals(InReference, "yes", StringComparison.Ordinal) || r.InReference))
            .ToList();
    }

    private IEnumerable<StudbookIndividualRow> Ordered(List<StudbookIndividualRow> rows)
    {
        // Unknown values (no age, no rank) go last whichever way the column is sorted.
        Func<StudbookIndividualRow, IComparable?> key = Sort switch
        {
            "sex" => r => r.Sex,
            "age" => r => r.Age,
            "alive" => r => r.Alive,
            "f" => r => r.Inbreeding,
            "mk" => r => r.MeanKinship,
            "rank" => r => r.Rank,
            _ => r => r.Id,
        };
        var known = rows.Where(r => key(r) is not null);
        var ordered = Descending ? known.OrderByDescending(key) : known.OrderBy(key);
        return ordered.ThenBy(r => r.Id, StringComparer.Ordinal).Concat(rows.Where(r => key(r) is null));
    }
}
