using Menagerie.App;
using Menagerie.App.Compliance;
using Menagerie.Domain;
using Menagerie.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Menagerie.Web.Compliance;

/// <summary>
/// A shipment checked from fields filled in by hand, without a file or a transfer: the same fields as a shipment file,
/// the same check, the same result on the page or as JSON. Lines and documents are rows of the form; without script,
/// a button adds a blank row and the page comes back with everything typed so far.
/// </summary>
public sealed class CheckFormModel(ShipmentChecks checks) : PageModel
{
    /// <summary>The blank rows a new form starts with.</summary>
    public const int FirstLines = 3;
    public const int FirstDocuments = 2;

    /// <summary>The most rows a form grows to: more lines than this go in a file.</summary>
    public const int MaxRows = 200;

    [BindProperty]
    public ShipmentForm Form { get; set; } = new();

    /// <summary>The day to check on, yyyy-MM-dd; blank for the shipment's own date.</summary>
    [BindProperty]
    public string? On { get; set; }

    public ComplianceView? Result { get; private set; }

    public FormProblems Problems { get; private set; } = FormProblems.None;

    public void OnGet() => Pad(0, 0);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await CheckAsync(ct);
        if (outcome is Outcome<ComplianceView>.Ok ok)
            Result = ok.Value;
        else
            Problems = Beside(outcome);
        Pad(0, 0);
        return this.Refusal(outcome) ?? Page();
    }

    /// <summary>The same check, the result as a JSON file; a form that cannot be checked comes back with its problems.</summary>
    public async Task<IActionResult> OnPostJsonAsync(CancellationToken ct)
    {
        var outcome = await CheckAsync(ct);
        if (outcome is Outcome<ComplianceView>.Ok ok)
            return CheckModel.Download(this, ok.Value, FileName(Form.Reference));
        Problems = Beside(outcome);
        Pad(0, 0);
        return this.Refusal(outcome) ?? Page();
    }

    public IActionResult OnPostAddLine()
    {
        Pad(1, 0);
        return Page();
    }

    public IActionResult OnPostAddDocument()
    {
        Pad(0, 1);
        return Page();
    }

    private async Task<Outcome<ComplianceView>> CheckAsync(CancellationToken ct)
    {
        var problems = new List<RuleViolation>();
        var on = CheckModel.Day(On, problems);
        return CheckModel.After(problems, await checks.CheckAsync(Form, on, ct));
    }

    private void Pad(int moreLines, int moreDocuments)
    {
        var lines = Math.Min(MaxRows, Math.Max(FirstLines, Form.Lines.Count + moreLines));
        var documents = Math.Min(MaxRows, Math.Max(FirstDocuments, Form.Documents.Count + moreDocuments));
        while (Form.Lines.Count < lines)
            Form.Lines.Add(new());
        while (Form.Documents.Count < documents)
            Form.Documents.Add(new());
    }

    // The reader names a document's covered line (documents[0].covers[2].line) or a transit state (transport.transit[1]);
    // the form has one input for each list, and the problem goes beside it.
    private static FormProblems Beside(Outcome<ComplianceView> outcome)
    {
        if (FormProblems.Of(outcome) is not { } problems)
            return FormProblems.None;
        return new([.. problems.All.Select(v => v with { Field = Input(v.Field) })]) { General = problems.General };
    }

    internal static string Input(string field)
    {
        var covers = field.IndexOf(".covers[", StringComparison.Ordinal);
        if (covers >= 0)
            return field[..(covers + ".covers".Length)];
        return field.StartsWith("transport.transit[", StringComparison.Ordinal) ? "transport.transit" : field;
    }

    private static string FileName(string? reference)
    {
        var name = new string((reference ?? "").Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_').ToArray());
        return name.Length == 0 ? "shipment" : name;
    }
}
