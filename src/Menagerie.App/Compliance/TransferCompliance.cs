using Menagerie.App.Accounts;
using Menagerie.App.Compliance.Reference;
using Menagerie.App.Persistence;
using Menagerie.App.Transfers;
using Menagerie.Domain;
using Menagerie.Domain.Compliance;
using Menagerie.Domain.Transfers;
using Microsoft.EntityFrameworkCore;

namespace Menagerie.App.Compliance;

/// <summary>
/// A transfer's requirements: the transfer read as a shipment — the parties' countries, its terms, each
/// line's taxon, count and provenance, the documents registered for it — checked against the checklist in
/// the database.
/// Whoever may read the transfer may read its requirements.
/// </summary>
public sealed class TransferCompliance(MenagerieDbContext db, TransferQueries queries, Access access, ComplianceSettings settings)
{
    public async Task<Outcome<ComplianceView>> RequirementsAsync(Guid id, DateOnly? on, CancellationToken ct)
    {
        var transfer = await TransferQueries.Whole(db.Transfers.AsNoTracking()).FirstOrDefaultAsync(t => t.Id == new TransferId(id), ct);
        if (transfer is null || !await queries.CanReadAsync(transfer, ct))
            return new Outcome<ComplianceView>.NotFound($"No transfer {id}.");
        var (report, checklist) = await CheckAsync(transfer, on, ct);
        return new Outcome<ComplianceView>.Ok(ComplianceView.Of(report, checklist));
    }

    /// <summary>The transfer's requirements on a day (by default its dispatch date, else its planned departure, else today), its confirmed warnings applied.</summary>
    internal async Task<(ComplianceReport Report, Checklist Checklist)> CheckAsync(Transfer transfer, DateOnly? on, CancellationToken ct)
    {
        var shipment = await ShipmentOfAsync(transfer, on, ct);
        var checklist = await ReferenceData.LoadAsync(db, ct);
        var overrides = await db.WarningOverrides.AsNoTracking().Where(o => o.TransferId == transfer.Id).OrderBy(o => o.At).ToListAsync(ct);
        return (Rulebook.Check(shipment, checklist, on ?? shipment.Date, settings, [.. overrides.Select(o => o.AsOverride())]), checklist);
    }

    /// <summary>
    /// What stops a step: every unmet block, as violations a registrar can act on. Clearance needs none;
    /// dispatch looks again on the dispatch date, when a permit may have run out.
    /// </summary>
    internal async Task<IReadOnlyList<RuleViolation>> BlocksAsync(Transfer transfer, DateOnly on, Wording step, CancellationToken ct)
    {
        var (report, _) = await CheckAsync(transfer, on, ct);
        return [.. report.Blocks.Select(b => new RuleViolation(
            $"compliance.{b.Rule}", b.Lines.Count == 0 ? "requirements" : $"lines[{string.Join(",", b.Lines)}]",
            $"{b.Rule} blocks the {step}: {b.Message} ({b.Source})"))];
    }

    /// <summary>A curator of either party confirms an open warning with the reason; the ledger keeps who and why.</summary>
    public async Task<Outcome<OverrideView>> OverrideAsync(Guid id, OverrideInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var transfer = await TransferQueries.Whole(db.Transfers.AsNoTracking()).FirstOrDefaultAsync(t => t.Id == new TransferId(id), ct);
        if (transfer is null || !await queries.CanReadAsync(transfer, ct))
            return new Outcome<OverrideView>.NotFound($"No transfer {id}.");
        if (!access.Has(transfer.SenderId, TransferRoles.Decide) && !access.Has(transfer.ReceiverId, TransferRoles.Decide))
            return new Outcome<OverrideView>.Forbidden("A warning is confirmed by a curator of the sender or the receiver.");
        var (report, _) = await CheckAsync(transfer, null, ct);
        var recorded = WarningOverride.Record(transfer.Id, report, input.Rule, input.Lines ?? [], input.Reason, db.UtcNow, db.ActorName);
        if (!recorded.IsValid)
            return recorded.Violations.ToList();
        db.WarningOverrides.Add(recorded.Value);
        var o = recorded.Value;
        return await Saving.SaveAsync(db, $"warning {o.Rule} confirmed for transfer {transfer.Id}: {o.Reason}", () => OverrideView.Of(o), ct, created: true);
    }

    public async Task<Outcome<IReadOnlyList<OverrideView>>> OverridesAsync(Guid id, CancellationToken ct)
    {
        var transfer = await db.Transfers.AsNoTracking().FirstOrDefaultAsync(t => t.Id == new TransferId(id), ct);
        if (transfer is null || !await queries.CanReadAsync(transfer, ct))
            return new Outcome<IReadOnlyList<OverrideView>>.NotFound($"No transfer {id}.");
        var overrides = await db.WarningOverrides.AsNoTracking().Where(o => o.TransferId == transfer.Id).OrderBy(o => o.At).ToListAsync(ct);
        return new Outcome<IReadOnlyList<OverrideView>>.Ok([.. overrides.Select(OverrideView.Of)]);
    }

    /// <summary>
    /// The transfer as the rules see it. It leaves on its dispatch date, or — not yet dispatched — on the
    /// day asked about, by default its planned departure, or today when none is planned. Each line carries its specimen's source code and population of
    /// origin where the registrar has recorded them; a group split off for the journey is read as the group it came from.
    /// What the authorities of the two countries said of it is read from its timeline, which must be loaded.
    /// </summary>
    internal async Task<Shipment> ShipmentOfAsync(Transfer transfer, DateOnly? on, CancellationToken ct)
    {
        var countries = await db.Institutions.AsNoTracking()
            .Where(i => i.Id == transfer.SenderId || i.Id == transfer.ReceiverId)
            .ToDictionaryAsync(i => i.Id, i => i.CountryCode, ct);
        var taxonIds = transfer.Lines.Select(l => l.TaxonId).Distinct().ToList();
        var taxa = await db.Taxa.AsNoTracking().Where(t => taxonIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.ScientificName, ct);
        var specimenIds = transfer.Lines.Select(l => l.SpecimenId).ToList();
        var provenance = await db.Specimens.AsNoTracking().Where(s => specimenIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => (s.CitesSource, s.Origin), ct);
        var documents = await db.TransferDocuments.AsNoTracking().Include(d => d.Covers).Where(d => d.TransferId == transfer.Id).ToListAsync(ct);
        var numbers = documents.Select(d => d.Number).ToList();
        var elsewhere = await db.TransferDocuments.AsNoTracking()
            .Where(d => d.TransferId != transfer.Id && numbers.Contains(d.Number))
            .Select(d => new { d.Type, d.Number, d.IssuingState, d.TransferId })
            .ToListAsync(ct);
        var today = DateOnly.FromDateTime(db.UtcNow);
        return new Shipment
        {
            Reference = transfer.Id.ToString(),
            Exporter = countries[transfer.SenderId],
            Importer = countries[transfer.ReceiverId],
            Date = transfer.DispatchedAt is { } at ? DateOnly.FromDateTime(at) : on ?? transfer.PlannedDeparture ?? today,
            Terms = transfer.Terms,
            Lines = [.. transfer.Lines.OrderBy(l => l.Number).Select(l => new ShipmentLine
            {
                Number = l.Number,
                Taxon = taxa[l.TaxonId],
                Count = l.Counts.Total,
                Sex = l.Counts.ToString(),
                Source = provenance[l.SpecimenId].CitesSource is [var code] ? code : null,
                Population = provenance[l.SpecimenId].Origin,
            })],
            Documents = [.. documents.Select(d => new ShipmentDocument
            {
                Type = d.Type,
                Number = d.Number,
                IssuingState = d.IssuingState,
                IssuingAuthority = d.IssuingAuthority,
                IssuedOn = d.IssuedOn,
                ValidFrom = d.ValidFrom,
                ValidUntil = d.ValidUntil,
                Covers = [.. d.Covers.Select(c => (c.Line, c.Counts?.Total))],
                AlsoUsedFor = [.. elsewhere.Where(e => e.Type == d.Type && e.Number == d.Number && e.IssuingState == d.IssuingState).Select(e => e.TransferId.ToString())],
            })],
            SignOffs = [.. new[] { TransferParty.Sender, TransferParty.Receiver }.Select(transfer.Standing).Select(s => new AuthoritySignOff(
                countries[transfer.Institution(s.Side)], s.Approval?.By, s.Approval?.RecordedAt, s.Objection?.By, s.Objection?.RecordedAt, s.Objection?.Reason))],
        };
    }
}

/// <summary>A warning to confirm: its rule, the lines as the requirements list them (none for the shipment as a whole), and why.</summary>
public sealed record OverrideInput(string? Rule, IReadOnlyList<int>? Lines, string? Reason);
