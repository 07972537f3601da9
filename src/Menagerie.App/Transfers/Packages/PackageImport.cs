using Menagerie.App.Persistence;
using Menagerie.Domain;
using Menagerie.Domain.Institutions;
using Menagerie.Domain.Specimens;
using Menagerie.Domain.Taxa;
using Menagerie.Domain.Transfers;
using Microsoft.EntityFrameworkCore;

namespace Menagerie.App.Transfers.Packages;

/// <summary>
/// Turns a verified package into records of this installation, through the domain: reference data matched by
/// code (countries, institutions) and scientific name (taxa) or created, specimens restored event by event,
/// and the incoming transfer. Collects every problem; the caller saves only when there are none.
/// </summary>
internal sealed class PackageImport(MenagerieDbContext db, PackageContent content)
{
    private readonly List<RuleViolation> _problems = [];
    private readonly Dictionary<string, InstitutionId> _institutions = new(StringComparer.Ordinal);
    private readonly Dictionary<InstitutionId, string> _codes = [];
    private readonly Dictionary<string, TaxonId> _taxa = new(StringComparer.Ordinal);

    public List<Country> NewCountries { get; } = [];
    public List<Institution> NewInstitutions { get; } = [];
    public List<Taxon> NewTaxa { get; } = [];
    public List<Specimen> Specimens { get; } = [];
    public Transfer? Transfer { get; private set; }

    public async Task<IReadOnlyList<RuleViolation>> BuildAsync(CancellationToken ct)
    {
        var countries = await CountriesAsync(ct);
        await InstitutionsAsync(countries, ct);
        await TaxaAsync(ct);
        if (_problems.Count > 0)
            return _problems;
        for (var i = 0; i < content.Specimens.Count; i++)
            RestoreSpecimen(content.Specimens[i], $"specimens[{i}].");
        if (_problems.Count == 0)
            BuildTransfer(content.Transfer);
        return _problems;
    }

    private async Task<HashSet<string>> CountriesAsync(CancellationToken ct)
    {
        var codes = content.Countries.Select(c => c.Code.Trim().ToUpperInvariant()).ToList();
        var known = (await db.Countries.AsNoTracking().Where(c => codes.Contains(c.Code)).Select(c => c.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < content.Countries.Count; i++)
        {
            var c = content.Countries[i];
            if (known.Contains(codes[i]))
                continue;
            var created = Country.Create(c.Code, c.Name, c.IsCitesParty, c.CitesEntryIntoForce, c.StatusAsOf, c.StatusSource);
            Report(created.Violations, $"countries[{i}].");
            if (created.IsValid && NewCountries.TrueForAll(n => n.Code != created.Value.Code))
                NewCountries.Add(created.Value);
        }
        known.UnionWith(NewCountries.Select(c => c.Code));
        return known;
    }

    private async Task InstitutionsAsync(HashSet<string> countries, CancellationToken ct)
    {
        var codes = content.Institutions.Select(i => Institution.NormalizeCode(i.Code)).ToList();
        var existing = await db.Institutions.AsNoTracking().Where(i => codes.Contains(i.Code)).ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, ct);
        for (var i = 0; i < content.Institutions.Count; i++)
        {
            var p = content.Institutions[i];
            if (!existing.TryGetValue(codes[i], out var institution) && !_institutions.ContainsKey(codes[i]))
            {
                var created = Institution.Create(InstitutionId.New(), p.Code, p.Name, p.Country, p.TimeZone ?? Institution.DefaultTimeZone);
                Report(created.Violations, $"institutions[{i}].");
                if (!created.IsValid)
                    continue;
                institution = created.Value;
                if (!countries.Contains(institution.CountryCode))
                    _problems.Add(new("institution.country", $"institutions[{i}].country", $"Institution {institution.Code} is in country '{p.Country}', which neither the package nor these records have."));
                NewInstitutions.Add(institution);
            }
            if (institution is not null)
                (_institutions[codes[i]], _codes[institution.Id]) = (institution.Id, institution.Code);
        }
    }

    private async Task TaxaAsync(CancellationToken ct)
    {
        var names = content.Taxa.Select(t => t.ScientificName.Trim()).ToList();
        var existing = await db.Taxa.AsNoTracking().Where(t => names.Contains(t.ScientificName)).ToDictionaryAsync(t => t.ScientificName, t => t.Id, StringComparer.Ordinal, ct);
        for (var i = 0; i < content.Taxa.Count; i++)
        {
            var p = content.Taxa[i];
            if (existing.TryGetValue(names[i], out var id) || _taxa.ContainsKey(names[i]))
            {
                _taxa.TryAdd(names[i], id);
                continue;
            }
            var created = Taxon.Create(TaxonId.New(), p.ScientificName, p.CommonName, p.Rank, p.TaxonClass);
            Report(created.Violations, $"taxa[{i}].");
            if (!created.IsValid)
                continue;
            NewTaxa.Add(created.Value);
            _taxa[names[i]] = created.Value.Id;
        }
    }

    private void RestoreSpecimen(PackageSpecimen s, string field)
    {
        if (!_taxa.TryGetValue(s.Taxon.Trim(), out var taxon))
        {
            _problems.Add(new("specimen.taxon", field + "taxon", $"The taxon '{s.Taxon}' is not among the package's taxa."));
            return;
        }
        var before = _problems.Count;
        var events = s.Events.Select((e, j) => Event(e, $"{field}events[{j}].")).ToList();
        if (_problems.Count > before)
            return;
        var restored = Specimen.Restore(new SpecimenId(s.Id), s.Kind, taxon, s.Sex, s.Name, events!, NameOf);
        Report(restored.Violations, field);
        if (restored.IsValid)
            Specimens.Add(restored.Value);
    }

    private EventAsRecorded? Event(PackageEvent e, string field)
    {
        var before = _problems.Count;
        SexCounts? counts = null;
        if (e.Counts is not null)
        {
            if (SexCounts.TryParse(e.Counts, out var parsed))
                counts = parsed;
            else
                _problems.Add(new("event.counts", field + "counts", SexCounts.Unreadable(e.Counts)));
        }
        var details = new EventDetails
        {
            Type = e.Type,
            Date = new PartialDate(e.Date, e.DateEstimated),
            At = Utc(e.At, field + "at"),
            Institution = InstitutionOf(e.Institution, field + "institution"),
            Counterparty = InstitutionOf(e.Counterparty, field + "counterparty"),
            CounterpartyName = e.CounterpartyName,
            Owner = InstitutionOf(e.Owner, field + "owner"),
            Counts = counts,
            Sire = e.Sire is { } sire ? new SpecimenId(sire) : null,
            Dam = e.Dam is { } dam ? new SpecimenId(dam) : null,
            IdentifierScheme = e.IdentifierScheme,
            IdentifierValue = e.IdentifierValue,
            WeightKg = e.WeightKg,
            Measured = e.Measured,
            Welfare = e.Welfare,
            Text = e.Text,
            Transfer = e.Transfer is { } transfer ? new TransferId(transfer) : null,
            Related = e.Related is { } related ? new SpecimenId(related) : null,
            Supersedes = e.Supersedes is { } supersedes ? new EventId(supersedes) : null,
            Reason = e.Reason,
        };
        var recordedAt = Utc(e.RecordedAt, field + "recordedAt");
        return _problems.Count > before ? null : new EventAsRecorded(new EventId(e.Id), e.Sequence, details, recordedAt!.Value, e.RecordedBy);
    }

    private void BuildTransfer(PackageTransfer t)
    {
        var sender = InstitutionOf(t.Sender, "transfer.sender");
        var receiver = InstitutionOf(t.Receiver, "transfer.receiver");
        var lines = new List<LineAsRecorded>();
        foreach (var (line, i) in t.Lines.Select((l, i) => (l, i)))
        {
            if (SexCounts.TryParse(line.Counts, out var counts))
                lines.Add(new LineAsRecorded(line.Number, new SpecimenId(line.Specimen), counts, new SpecimenId(line.Shipped)));
            else
                _problems.Add(new("transfer.counts", $"transfer.lines[{i}].counts", SexCounts.Unreadable(line.Counts)));
        }
        var steps = t.Timeline.Select((s, i) => new StepAsRecorded(
            s.Number, s.Action, s.Party, s.By, Utc(s.RecordedAt, $"transfer.timeline[{i}].recordedAt") ?? default, Utc(s.At, $"transfer.timeline[{i}].at"), s.Reason)).ToList();
        var dispatchedAt = Utc(t.DispatchedAt, "transfer.dispatchedAt");
        if (_problems.Count > 0)
            return;
        var specimens = Specimens.ToDictionary(s => s.Id);
        var incoming = Transfer.Incoming(
            new TransferId(t.Id), sender!.Value, receiver!.Value, t.Terms, t.ReturnDue, t.InitiatedBy, dispatchedAt!.Value, lines, steps,
            id => specimens.GetValueOrDefault(id));
        Report(incoming.Violations, "transfer.");
        if (incoming.IsValid)
            Transfer = incoming.Value;
    }

    private InstitutionId? InstitutionOf(string? code, string field)
    {
        if (code is null)
            return null;
        if (_institutions.TryGetValue(Institution.NormalizeCode(code), out var id))
            return id;
        _problems.Add(new("institution.unknown", field, $"The institution '{code}' is not among the package's institutions."));
        return null;
    }

    /// <summary>Every instant in a package is UTC, written with a Z; one that is not would be shifted by this machine's time zone.</summary>
    private DateTime? Utc(DateTime? value, string field)
    {
        if (value is { Kind: not DateTimeKind.Utc })
            _problems.Add(new("package.time", field, $"The time {value:O} is not UTC (it must end in Z)."));
        return value;
    }

    private string NameOf(InstitutionId id) => _codes.TryGetValue(id, out var code) ? code : id.ToString();

    private void Report(IEnumerable<RuleViolation> violations, string prefix) =>
        _problems.AddRange(violations.Select(v => v with { Field = prefix + v.Field }));
}
