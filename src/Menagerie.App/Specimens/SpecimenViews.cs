using Menagerie.App.Institutions;
using Menagerie.Domain;
using Menagerie.Domain.Specimens;
using Menagerie.Domain.Taxa;

namespace Menagerie.App.Specimens;

public sealed record TaxonRef(Guid Id, string ScientificName, string CommonName);

public sealed record IdentifierView(string Scheme, string Value, string? AssignedBy, DateOnly AddedOn);

public sealed record SpecimenView(
    Guid Id,
    SpecimenKind Kind,
    TaxonRef Taxon,
    Sex Sex,
    string? Name,
    SpecimenStatus Status,
    InstitutionRef? Holder,
    Guid? InTransitOn,
    Guid? OnTransfer,
    InstitutionRef? Owner,
    string Counts,
    Guid? Sire,
    Guid? Dam,
    DateOnly? BirthDate,
    bool BirthDateEstimated,
    string? CitesSource,
    string? Origin,
    bool AvailableForTransfer,
    string? AvailabilityNote,
    IReadOnlyList<IdentifierView> Identifiers,
    long Version);

public sealed record EventView(
    Guid Id,
    int Sequence,
    EventType Type,
    DateOnly Date,
    bool Estimated,
    DateTime? At,
    InstitutionRef? Institution,
    InstitutionRef? Counterparty,
    string? CounterpartyName,
    InstitutionRef? Owner,
    string? Counts,
    Guid? Sire,
    Guid? Dam,
    string? Scheme,
    string? Value,
    decimal? WeightKg,
    Measured? Measured,
    WelfareObservation? Welfare,
    string? Text,
    Guid? Transfer,
    Guid? Related,
    Guid? Supersedes,
    Guid? SupersededBy,
    bool Effective,
    string? Reason,
    DateTime RecordedAt,
    string RecordedBy);

public sealed record HistoryView(SpecimenView Specimen, IReadOnlyList<EventView> Events);

/// <summary>
/// What the person may do to a specimen, by the rules the commands apply: record its events; describe it (house
/// name, sex, provenance, splits and merges); mark it available for transfer; record its measurements and weight
/// (<see cref="Measure"/>), which its transport coordinator may too.
/// </summary>
public sealed record SpecimenPermissions(bool RecordEvents, bool Describe, bool MarkAvailable, bool Measure);

/// <summary>A holding: by an institution, or by a transfer while the animal was in transit.</summary>
public sealed record HoldingView(InstitutionRef? Holder, Guid? Transfer, DateTime From, DateTime? To, string Counts);

public sealed record HolderOnDateView(Guid Specimen, DateOnly Date, IReadOnlyList<HoldingView> Holders);

/// <summary>Names the institutions and taxa that views mention; both tables are small reference data.</summary>
internal sealed class Names(IReadOnlyDictionary<InstitutionId, InstitutionRef> institutions, IReadOnlyDictionary<TaxonId, Taxon> taxa)
{
    public InstitutionRef? Institution(InstitutionId? id) => id is { } value && institutions.TryGetValue(value, out var r) ? r : null;

    public string InstitutionCode(InstitutionId id) => institutions.TryGetValue(id, out var r) ? r.Code : id.ToString();

    public SpecimenView Specimen(Specimen s)
    {
        var taxon = taxa[s.TaxonId];
        return new(
            s.Id.Value, s.Kind, new TaxonRef(taxon.Id.Value, taxon.ScientificName, taxon.CommonName), s.Sex, s.Name, s.Status,
            Institution(s.HolderId), s.InTransitOn?.Value, s.OnTransfer?.Value, Institution(s.OwnerId), s.Counts.ToString(), s.SireId?.Value, s.DamId?.Value,
            s.BirthDate, s.BirthDateEstimated, s.CitesSource, s.Origin, s.AvailableForTransfer, s.AvailabilityNote,
            s.Identifiers.Select(i => new IdentifierView(i.Scheme, i.Value, Institution(i.AssignedBy)?.Code, i.AddedOn)).ToList(),
            s.Version);
    }

    public IReadOnlyList<EventView> Events(Specimen s)
    {
        var supersededBy = s.Events.Where(e => e.Supersedes is not null).ToDictionary(e => e.Supersedes!.Value, e => e.Id.Value);
        // In the order things happened, as a registrar reads a history; the sequence says the order they were recorded.
        return s.Events.OrderBy(e => e.Details.OrderingInstant).ThenBy(e => e.Sequence).Select(e => new EventView(
            e.Id.Value, e.Sequence, e.Type, e.Date, e.DateEstimated, e.At, Institution(e.InstitutionId), Institution(e.CounterpartyId),
            e.CounterpartyName, Institution(e.OwnerId), e.Counts?.ToString(), e.SireId?.Value, e.DamId?.Value, e.IdentifierScheme,
            e.IdentifierValue, e.WeightKg, e.Details.Measured, e.Details.Welfare, e.Text, e.TransferId?.Value, e.RelatedId?.Value, e.Supersedes?.Value,
            supersededBy.TryGetValue(e.Id, out var by) ? by : null,
            e.Type != EventType.Retraction && !supersededBy.ContainsKey(e.Id),
            e.Reason, e.RecordedAt, e.RecordedBy)).ToList();
    }
}
