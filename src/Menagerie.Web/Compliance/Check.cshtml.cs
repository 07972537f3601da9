using System.Text.Json;
using Menagerie.App;
using Menagerie.App.Compliance;
using Menagerie.Domain;
using Menagerie.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Menagerie.Web.Compliance;

/// <summary>
/// A shipment checked from its file, without a transfer: the verdict, the requirements by line, the documents
/// still needed and each line's listing, on the page or downloaded as the JSON the API gives.
/// </summary>
public sealed class CheckModel(ShipmentChecks checks) : PageModel
{
    [BindProperty]
    public IFormFile? Shipment { get; set; }

    /// <summary>The day to check on, yyyy-MM-dd; blank for the shipment's own date.</summary>
    [BindProperty]
    public string? On { get; set; }

    public ComplianceView? Result { get; private set; }

    public string? FileName { get; private set; }

    public FormProblems Problems { get; private set; } = FormProblems.None;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await CheckAsync(ct);
        if (outcome is Outcome<ComplianceView>.Ok ok)
            Result = ok.Value;
        else
            Problems = FormProblems.Of(outcome) ?? Problems;
        return this.Refusal(outcome) ?? Page();
    }

    /// <summary>The same check, the result as a JSON file; a file that cannot be checked comes back to the form.</summary>
    public async Task<IActionResult> OnPostJsonAsync(CancellationToken ct)
    {
        var outcome = await CheckAsync(ct);
        if (outcome is Outcome<ComplianceView>.Ok ok)
            return Download(this, ok.Value, Path.GetFileNameWithoutExtension(FileName) ?? "shipment");
        Problems = FormProblems.Of(outcome) ?? Problems;
        return this.Refusal(outcome) ?? Page();
    }

    private async Task<Outcome<ComplianceView>> CheckAsync(CancellationToken ct)
    {
        var problems = new List<RuleViolation>();
        var on = Day(On, problems);
        if (Shipment is null || Shipment.Length == 0)
            problems.Add(new("shipment.file", "file", "Choose a shipment file (JSON)."));
        else if (Shipment.Length > ShipmentChecks.MaxFileBytes)
            problems.Add(new("shipment.file", "file", $"A shipment file is at most {ShipmentChecks.MaxFileBytes / 1024 / 1024} MB."));
        if (Shipment is null || Shipment.Length == 0 || Shipment.Length > ShipmentChecks.MaxFileBytes)
            return problems;
        FileName = Path.GetFileName(Shipment.FileName);
        await using var stream = Shipment.OpenReadStream();
        using var bytes = new MemoryStream();
        await stream.CopyToAsync(bytes, ct);
        return After(problems, await checks.CheckAsync(bytes.ToArray(), FileName, on, ct));
    }

    /// <summary>The day to check on, as the form gives it; blank for the shipment's own date, and a problem when not a date.</summary>
    internal static DateOnly? Day(string? text, List<RuleViolation> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var on = FormTime.Date(text);
        if (on is null)
            problems.Add(new("compliance.on", "on", $"'{text}' is not a date written YYYY-MM-DD."));
        return on;
    }

    /// <summary>A day that is not a date and a shipment that cannot be read are both reported, the shipment's problems after.</summary>
    internal static Outcome<ComplianceView> After(List<RuleViolation> problems, Outcome<ComplianceView> outcome) =>
        problems.Count == 0 ? outcome
            : outcome is Outcome<ComplianceView>.Invalid invalid ? [.. problems, .. invalid.Violations]
            : problems;

    /// <summary>The result as the JSON file the API answers, named after the shipment.</summary>
    internal static FileContentResult Download(PageModel page, ComplianceView result, string name) =>
        page.File(JsonSerializer.SerializeToUtf8Bytes(result, Json.Options), "application/json", name + "-check.json");
}
