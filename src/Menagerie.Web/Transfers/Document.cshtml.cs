using Menagerie.App;
using Menagerie.App.Transfers;
using Menagerie.Domain;
using Menagerie.Domain.Compliance;
using Menagerie.Domain.Documents;
using Menagerie.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Menagerie.Web.Transfers;

/// <summary>Registers a permit or certificate with a transfer: what it is, who issued it, when it is valid, the lines it covers, its scan.</summary>
[RequestSizeLimit(DocumentModel.MaxScanBytes + (1024 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = DocumentModel.MaxScanBytes + (1024 * 1024))]
public sealed class DocumentModel(TransferQueries queries, TransferDocuments documents) : PageModel
{
    public const long MaxScanBytes = 10 * 1024 * 1024;

    [BindProperty]
    public string? Type { get; set; }

    [BindProperty]
    public string? Number { get; set; }

    [BindProperty]
    public string? IssuingAuthority { get; set; }

    [BindProperty]
    public string? IssuingState { get; set; }

    [BindProperty]
    public DateOnly? IssuedOn { get; set; }

    [BindProperty]
    public DateOnly? ValidFrom { get; set; }

    [BindProperty]
    public DateOnly? ValidUntil { get; set; }

    /// <summary>The lines it covers; none is the whole shipment.</summary>
    [BindProperty]
    public IList<int> Covers { get; set; } = [];

    /// <summary>For a group line covered in part: counts by sex, by line number.</summary>
    [BindProperty]
    public IDictionary<int, string?> CoverCounts { get; set; } = new Dictionary<int, string?>();

    [BindProperty]
    public IFormFile? Scan { get; set; }

    public TransferView Transfer { get; private set; } = null!;

    public FormProblems Problems { get; private set; } = FormProblems.None;

    public static IReadOnlyList<DocumentType> Types { get; } = Enum.GetValues<DocumentType>();

    public async Task<IActionResult> OnGetAsync(Guid id, string? type, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
            return refused;
        Type = type;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
            return refused;
        var (file, problems) = await ScanAsync(ct);
        if (problems.Count > 0)
        {
            Problems = new FormProblems(problems);
            return Page();
        }
        var outcome = await documents.RegisterAsync(id, new DocumentInput
        {
            Type = Type,
            Number = Number,
            IssuingAuthority = IssuingAuthority,
            IssuingState = IssuingState,
            IssuedOn = IssuedOn,
            ValidFrom = ValidFrom,
            ValidUntil = ValidUntil,
            Covers = Covers.Distinct().Order().Select(line => new DocumentCoverageInput(line, CoverCounts.TryGetValue(line, out var c) && !string.IsNullOrWhiteSpace(c) ? c.Trim() : null)).ToList(),
            File = file,
        }, ct);
        if (outcome is Outcome<DocumentView>.Created)
            return Redirect($"/transfers/{id}?done=document#documents");
        if (this.Refusal(outcome) is { } forbidden)
            return forbidden;
        Problems = FormProblems.Of(outcome)!;
        return Page();
    }

    /// <summary>The uploaded scan as the use case takes it (base64), or why it cannot be taken.</summary>
    private async Task<(DocumentFileInput? File, List<RuleViolation> Problems)> ScanAsync(CancellationToken ct)
    {
        if (Scan is null || Scan.Length == 0)
            return (null, []);
        if (Scan.Length > MaxScanBytes)
            return (null, [new("document.file", "file", $"The scan is {Scan.Length / (1024 * 1024)} MB; at most {MaxScanBytes / (1024 * 1024)} MB is kept.")]);
        await using var stream = Scan.OpenReadStream();
        using var bytes = new MemoryStream();
        await stream.CopyToAsync(bytes, ct);
        return (new DocumentFileInput(Path.GetFileName(Scan.FileName), Scan.ContentType, Convert.ToBase64String(bytes.ToArray())), []);
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var page = await queries.PageAsync(id, ct);
        if (this.Refusal(page) is { } refused)
            return refused;
        var (transfer, may) = ((Outcome<TransferPage>.Ok)page).Value;
        if (!may.RegisterDocuments)
            return StatusCode(StatusCodes.Status403Forbidden);
        Transfer = transfer;
        return null;
    }

    public static string Word(DocumentType type) => DocumentNames.Name(type);
}
