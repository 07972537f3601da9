using Menagerie.App;
using Menagerie.App.Accounts;
using Menagerie.App.Compliance.Reference;
using Menagerie.Domain;
using Menagerie.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Menagerie.Web.Taxa;

/// <summary>
/// The administrator imports the zoo's own Species+ downloads of CITES trade suspensions and export quotas, which
/// rule C-23 applies, as <c>menagerie reference import-suspensions|import-quotas</c> does.
/// </summary>
[RequestSizeLimit(MaxFileBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxFileBytes + 1024 * 1024)]
public sealed class TradeMeasuresModel(TradeMeasureImport import, ListingLookup lookup, Access access) : PageModel
{
    /// <summary>A download of every suspension ever recommended is well under a megabyte.</summary>
    public const long MaxFileBytes = 20L * 1024 * 1024;

    [BindProperty]
    public TradeMeasureKind Kind { get; set; }

    [BindProperty]
    public IFormFile? Download { get; set; }

    [BindProperty]
    public string? AsOf { get; set; }

    /// <summary>The kind of download just imported, to say so.</summary>
    public TradeMeasureKind? Imported { get; private set; }

    public ReferenceStatusView? Status { get; private set; }

    public FormProblems Problems { get; private set; } = FormProblems.None;

    public async Task<IActionResult> OnGetAsync(TradeMeasureKind? imported, CancellationToken ct)
    {
        if (this.AdministratorsOnly(access) is { } refusal)
            return refusal;
        Imported = imported;
        Status = await lookup.StatusAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (this.AdministratorsOnly(access) is { } refusal)
            return refusal;
        var problems = new List<RuleViolation>();
        if (Download is not { Length: > 0 })
            problems.Add(new("measures.file", "file", "Choose the Species+ download to import."));
        else if (Download.Length > MaxFileBytes)
            problems.Add(new("measures.file", "file", $"A download is at most {MaxFileBytes / 1024 / 1024} MB."));
        DateOnly? asOf = null;
        if (!string.IsNullOrWhiteSpace(AsOf))
        {
            asOf = FormTime.Date(AsOf);
            if (asOf is null)
                problems.Add(new("measures.asOf", "asOf", $"'{AsOf}' is not a date written YYYY-MM-DD."));
        }
        if (problems.Count == 0)
        {
            await using var content = Download!.OpenReadStream();
            var outcome = (await import.ImportAsync(Kind, Download.FileName, content, asOf, ct)).ToOutcome();
            if (outcome is Outcome<TradeMeasureImported>.Ok)
                return Redirect($"/admin/trade-measures?imported={Kind}");
            if (this.Refusal(outcome) is { } refused)
                return refused;
            problems.AddRange(FormProblems.Of(outcome)?.All ?? []);
        }
        Problems = new FormProblems(problems);
        Status = await lookup.StatusAsync(ct);
        return Page();
    }
}
