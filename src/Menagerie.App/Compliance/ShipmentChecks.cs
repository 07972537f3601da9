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
        var checklist = await ReferenceData.LoadAsync(db, ct);
        var report = Rulebook.Check(shipment, checklist, on ?? shipment.Date, settings);
        return new Outcome<ComplianceView>.Ok(ComplianceView.Of(report, checklist));
    }
}
