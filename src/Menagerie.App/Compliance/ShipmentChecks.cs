using Menagerie.App.Accounts;
using Menagerie.App.Compliance.Reference;
using Menagerie.App.Persistence;
using Menagerie.Domain;
using Menagerie.Domain.Compliance;

namespace Menagerie.App.Compliance;

/// <summary>
/// A shipment checked from its file, without a transfer in the records (<c>samples/shipments/shipment.schema.json</c>):
/// what each line and the shipment need, against the checklist in the database and the installation's policy —
/// what <c>menagerie compliance check</c> answers from the checklist shipped with Menagerie. Anyone signed in may
/// check a file; it reads no records.
/// </summary>
public sealed class ShipmentChecks(MenagerieDbContext db, Access access, ComplianceSettings settings)
{
    /// <summary>The largest shipment file taken: a state gift of a few hundred lines is far below it.</summary>
    public const int MaxFileBytes = 2 * 1024 * 1024;

    public async Task<Outcome<ComplianceView>> CheckAsync(byte[] file, string fileName, DateOnly? on, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!access.IsSignedIn)
            return new Outcome<ComplianceView>.Forbidden("Checking a shipment needs a signed-in person.");
        if (file.Length == 0)
            return new List<RuleViolation> { new("shipment.file", "file", "Choose a shipment file (JSON).") };
        if (file.Length > MaxFileBytes)
            return new List<RuleViolation> { new("shipment.file", "file", $"A shipment file is at most {MaxFileBytes / 1024 / 1024} MB.") };
        var (shipment, problems) = ShipmentFile.Read(file, fileName);
        if (shipment is null)
            return problems.Select(p => new RuleViolation("shipment.file", "file", Wording.FromString(p.ToString()))).ToList();
        return await CheckAsync(shipment, on, ct);
    }

    /// <summary>
    /// A shipment filled in by hand. It is written as the file it stands for and read by the same reader rather
    /// than built as a <see cref="Shipment"/> here: the reader holds every rule of the schema (required fields,
    /// codes, dates, documents naming lines that exist, counts by sex adding up), and a second path would drift from
    /// it. Each problem keeps the reader's path (<c>lines[1].taxon</c>), so that a form can show it beside its input.
    /// </summary>
    public async Task<Outcome<ComplianceView>> CheckAsync(ShipmentForm form, DateOnly? on, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!access.IsSignedIn)
            return new Outcome<ComplianceView>.Forbidden("Checking a shipment needs a signed-in person.");
        var (shipment, problems) = ShipmentFile.Read(form.ToJson(), "form");
        if (shipment is null)
            return problems.Select(p => new RuleViolation("shipment.form", p.Field, Wording.FromString(p.Message))).ToList();
        return await CheckAsync(shipment, on, ct);
    }

    private async Task<Outcome<ComplianceView>> CheckAsync(Shipment shipment, DateOnly? on, CancellationToken ct)
    {
        var checklist = await ReferenceData.LoadAsync(db, ct);
        var report = Rulebook.Check(shipment, checklist, on ?? shipment.Date, settings);
        return new Outcome<ComplianceView>.Ok(ComplianceView.Of(report, checklist));
    }
}
