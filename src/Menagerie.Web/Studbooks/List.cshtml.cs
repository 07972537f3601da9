using Menagerie.App;
using Menagerie.App.Studbooks;
using Menagerie.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Menagerie.Web.Studbooks;

/// <summary>The studbooks the reader may read, and for a studbook keeper the form to upload one.</summary>
[RequestSizeLimit(ListModel.MaxFileBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ListModel.MaxFileBytes)]
public sealed class ListModel(StudbookRecords records) : PageModel
{
    /// <summary>The most a studbook file may weigh when uploaded from a browser: a million animals' pedigree is about 40 MB.</summary>
    public const long MaxFileBytes = 200L * 1024 * 1024;

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Taxon { get; set; }

    [BindProperty]
    public string? Scheme { get; set; }

    [BindProperty]
    public string? AsOf { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<StudbookView> Studbooks { get; private set; } = [];

    public FormProblems Problems { get; private set; } = FormProblems.None;

    public async Task OnGetAsync(CancellationToken ct) => Studbooks = await ListAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        byte[]? content = null;
        if (Upload is { Length: > 0 })
        {
            using var copy = new MemoryStream();
            await Upload.CopyToAsync(copy, ct);
            content = copy.ToArray();
        }
        var outcome = await records.UploadAsync(new StudbookUpload(Name, Taxon, Scheme, Upload?.FileName, content, AsOf), ct);
        if (outcome is Outcome<StudbookUploaded>.Created { Value: var uploaded })
            return Redirect($"/studbooks/{uploaded.Studbook.Id}");
        if (this.Refusal(outcome) is { } refusal)
            return refusal;
        // The file's own problems name their line and column; beside the form they all belong to the file.
        Problems = FormProblems.Of(outcome) is { } problems
            ? new(problems.All.Select(v => v.Field.StartsWith("line ", StringComparison.Ordinal) ? v with { Field = "file" } : v).ToList())
            : FormProblems.None;
        Studbooks = await ListAsync(ct);
        return Page();
    }

    private async Task<IReadOnlyList<StudbookView>> ListAsync(CancellationToken ct) =>
        await records.ListAsync(ct) is Outcome<IReadOnlyList<StudbookView>>.Ok { Value: var list } ? list : [];
}
