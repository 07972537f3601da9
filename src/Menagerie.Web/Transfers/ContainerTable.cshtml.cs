using System.Text;
using Menagerie.App.Accounts;
using Menagerie.App.Files;
using Menagerie.App.Transport;
using Menagerie.Domain;
using Menagerie.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Menagerie.Web.Transfers;

/// <summary>
/// The container table the transport plans use, row by row and where it comes from; and for the administrator the
/// form that uploads a licensed IATA LAR table in the shipped table's columns, refused whole with every problem.
/// </summary>
public sealed class ContainerTableModel(ContainerTables tables, Access access) : PageModel
{
    [BindProperty]
    public IFormFile? Table { get; set; }

    /// <summary>What plans call the table (blank: its file name).</summary>
    [BindProperty]
    public string? Source { get; set; }

    /// <summary>After an upload the page says so (<c>?uploaded=1</c>).</summary>
    [BindProperty(SupportsGet = true)]
    public bool Uploaded { get; set; }

    public ContainerTableView InUse { get; private set; } = null!;

    public FormProblems Problems { get; private set; } = FormProblems.None;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (this.AdministratorsOnly(access) is { } refused)
            return refused;
        InUse = await tables.InUseAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (this.AdministratorsOnly(access) is { } refused)
            return refused;
        var problems = new List<RuleViolation>();
        if (Table is null || Table.Length == 0)
            problems.Add(new("containers.file", "file", "Choose the licensed container table (CSV)."));
        else if (Table.Length > ContainerTables.MaxFileBytes)
            problems.Add(new("containers.file", "file", $"A container table is at most {ContainerTables.MaxFileBytes / 1024 / 1024} MB."));
        else
        {
            using var reader = new StreamReader(Table.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var text = await reader.ReadToEndAsync(ct);
            switch (await tables.UploadAsync(text, Path.GetFileName(Table.FileName), Source, ct))
            {
                case ContainerTableUploadResult.Uploaded:
                    return Redirect("/admin/container-table?uploaded=true");
                case ContainerTableUploadResult.Forbidden:
                    return StatusCode(StatusCodes.Status403Forbidden);
                case ContainerTableUploadResult.Rejected { Problems: var rejected }:
                    problems.AddRange(rejected.Select(Problem));
                    break;
            }
        }
        Problems = new FormProblems(problems);
        InUse = await tables.InUseAsync(ct);
        return Page();
    }

    /// <summary>A problem of the file beside the file, with its line and column; one of the label beside the label.</summary>
    private static RuleViolation Problem(InputProblem p) =>
        p.Field == "source" && p.Line == 0 ? new("containers.source", "source", Wording.FromString(p.Message))
        : p.Line > 0 ? new("containers.file", "file", $"Line {p.Line}, column {p.Field}: {Wording.FromString(p.Message)}")
        : new("containers.file", "file", $"{p.Field}: {Wording.FromString(p.Message)}");
}
