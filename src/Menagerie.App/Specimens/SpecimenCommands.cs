using Menagerie.App.Persistence;
using Menagerie.Domain;
using Menagerie.Domain.Specimens;

namespace Menagerie.App.Specimens;

public sealed record IdentifierInput(string? Scheme, string? Value);

/// <summary>Part of a group, by sex (<c>3.4.0</c>), to become a group of its own.</summary>
public sealed record GroupSplitInput(string? Counts, DateTime? At, string? Reason);

/// <summary>An animal's CITES source code (C, F, W …) and the ISO code of its population of origin; empty clears them.</summary>
public sealed record SpecimenOriginInput(string? CitesSource, string? Origin);

/// <summary>Marks an animal as available for transfer (or withdraws the mark), with an optional note.</summary>
public sealed record AvailabilityInput(bool? Available, string? Note);

/// <summary>The group (by id or identifier) that this one joins.</summary>
public sealed record GroupMergeInput(string? Into, DateTime? At, string? Reason);

public sealed record RecordedEvent(Guid Specimen, EventView Event, long SpecimenVersion);

/// <summary>A new specimen: what it is, and the first event of its records (its birth or its acquisition).</summary>
public sealed record SpecimenInput
{
    public string? Kind { get; init; }
    public string? Taxon { get; init; }
    public string? Sex { get; init; }
    public string? Name { get; init; }
    public EventInput? First { get; init; }
    public IReadOnlyList<IdentifierInput?>? Identifiers { get; init; }
}

public sealed partial class SpecimenCommands(MenagerieDbContext db, SpecimenQueries queries, Accounts.Access access)
{
    public async Task<Outcome<SpecimenView>> CreateAsync(SpecimenInput input, CancellationToken ct)
    {
        var problems = new List<RuleViolation>();
        var kind = string.IsNullOrWhiteSpace(input.Kind) ? SpecimenKind.Individual : ParseEnum<SpecimenKind>(input.Kind, "kind", "individual or group", problems) ?? default;
        var sex = string.IsNullOrWhiteSpace(input.Sex) ? Domain.Specimens.Sex.Unknown : ParseEnum<Sex>(input.Sex, "sex", "male, female or unknown", problems) ?? default;
        var taxon = string.IsNullOrWhiteSpace(input.Taxon) ? null : await Taxa.TaxonCommands.FindAsync(db, input.Taxon, ct);
        if (taxon is null)
            problems.Add(new("specimen.taxon", "taxon", string.IsNullOrWhiteSpace(input.Taxon) ? Wording.Of("The taxon is missing.") : $"There is no taxon '{input.Taxon}' in these records."));
        if (input.First is null)
            problems.Add(new("specimen.first-event", "first", "A new specimen needs its first event: its birth or its acquisition."));

        var resolver = new Resolver(db);
        EventDetails? first = null;
        if (input.First is not null)
        {
            var (details, eventProblems) = await input.First.ResolveAsync(resolver, "first.", ct);
            problems.AddRange(eventProblems);
            first = details;
        }
        var identifiers = InputList.Present(input.Identifiers, "identifiers", problems);
        foreach (var (identifier, i) in identifiers)
        {
            if (string.IsNullOrWhiteSpace(identifier.Scheme))
                problems.Add(new("event.identifier", $"identifiers[{i}].scheme", "An identifier needs its scheme."));
            if (string.IsNullOrWhiteSpace(identifier.Value))
                problems.Add(new("event.identifier", $"identifiers[{i}].value", "An identifier needs its value."));
        }
        if (problems.Count > 0)
            return problems;
        if (first!.Institution is not { } where || !access.Has(where, Accounts.Role.Registrar))
            return new Outcome<SpecimenView>.Forbidden("Specimens are entered by a registrar of the institution where the animal was born or acquired.");

        var now = db.UtcNow;
        var names = await queries.NamesAsync(ct);
        var created = Specimen.Create(SpecimenId.New(), kind, taxon!.Id, sex, input.Name, EventId.New(), first!, now, db.ActorName, names.InstitutionCode);
        if (!created.IsValid)
            return Prefix(created.Violations, "first.");
        var specimen = created.Value;
        foreach (var (identifier, i) in identifiers)
        {
            var added = specimen.Record(EventId.New(), new EventDetails
            {
                Type = EventType.IdentifierAdded,
                Date = first!.Date,
                At = first.At, // with the first event's time, not before it at the start of its day
                Institution = first.Institution,
                IdentifierScheme = identifier.Scheme!.Trim(),
                IdentifierValue = identifier.Value!.Trim(),
            }, now, db.ActorName);
            problems.AddRange(Prefix(added, $"identifiers[{i}]."));
        }
        if (problems.Count > 0)
            return problems;
        db.Specimens.Add(specimen);
        await db.SaveChangesAsync($"{kind.ToString().ToLowerInvariant()} of {taxon.ScientificName} entered", ct);
        return new Outcome<SpecimenView>.Created((await queries.NamesAsync(ct)).Specimen(specimen));
    }

    /// <summary>Appends an event, or a correction of an earlier one, to a specimen's history.</summary>
    public async Task<Outcome<RecordedEvent>> RecordEventAsync(string reference, EventInput input, long? expectedVersion, CancellationToken ct)
    {
        if (await SpecimenLookup.FindAsync(db, reference, ct, SpecimenLookup.Reading.HistoryEnd, visible: access.CanRead) is not SpecimenLookup.Found { Specimen: var specimen })
            return new Outcome<RecordedEvent>.NotFound($"No specimen with id or identifier '{reference}'.");
        if (!access.CanRecordEvents(specimen) && !(input.IsNewMeasurement && access.CanMeasureAt(specimen.HolderId)))
            return new Outcome<RecordedEvent>.Forbidden(RecordForbidden);
        if (expectedVersion is { } expected && expected != specimen.Version)
            return new Outcome<RecordedEvent>.Stale(specimen.Version);
        var names = await queries.NamesAsync(ct);
        var (recorded, problems) = await AppendAsync(specimen, input, new Resolver(db), names, "", ct);
        if (recorded is null)
            return problems;
        var reason = recorded.Reason ?? $"{recorded.Type.ToString().ToLowerInvariant()} recorded";
        return await Saving.SaveAsync(db, reason, () => new RecordedEvent(specimen.Id.Value, names.Events(specimen).Single(e => e.Id == recorded.Id.Value), specimen.Version), ct, created: true);
    }

    /// <summary>Changes the house name or an individual's sex; the history is untouched.</summary>
    public Task<Outcome<SpecimenView>> DescribeAsync(string reference, string? name, string? sexText, long? expectedVersion, CancellationToken ct) =>
        ChangeAsync(reference, expectedVersion, "A specimen is described by a registrar of the institution that holds it.", specimen =>
        {
            var problems = new List<RuleViolation>();
            var sex = string.IsNullOrWhiteSpace(sexText) ? specimen.Sex : ParseEnum<Sex>(sexText, "sex", "male, female or unknown", problems) ?? specimen.Sex;
            return problems.Count > 0 ? problems : specimen.Describe(name, sex);
        }, _ => "specimen description changed", ct);

    /// <summary>Records the animal's CITES source code and population of origin, which the compliance rules read.</summary>
    public Task<Outcome<SpecimenView>> RecordOriginAsync(string reference, SpecimenOriginInput input, long? expectedVersion, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ChangeAsync(reference, expectedVersion, "A specimen's provenance is recorded by a registrar of the institution that holds it.",
            specimen => specimen.RecordOrigin(input.CitesSource, input.Origin),
            specimen => $"provenance recorded: source {specimen.CitesSource ?? "-"}, origin {specimen.Origin ?? "-"}", ct);
    }

    /// <summary>
    /// Marks the animal as available for transfer, or withdraws the mark: a curator of the institution that holds
    /// it decides. The ledger keeps who marked it and when.
    /// </summary>
    public Task<Outcome<SpecimenView>> MarkAvailabilityAsync(string reference, AvailabilityInput input, long? expectedVersion, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        // The institution that held it last answers for an animal that has died, left or is in transit, and gets the rule's answer.
        return ChangeAsync(reference, expectedVersion, "An animal is marked available for transfer by a curator of the institution that holds it.",
            specimen =>
            {
                if (input.Available is not { } available)
                    return [new("specimen.availability", "available", "Say whether the animal is available for transfer: true or false.")];
                return specimen.MarkAvailability(available, input.Note);
            },
            specimen => specimen.AvailableForTransfer
                ? "available for transfer" + (specimen.AvailabilityNote is { } note ? $": {note}" : "")
                : "availability for transfer withdrawn" + (specimen.AvailabilityNote is { } reason ? $": {reason}" : ""),
            ct, Accounts.Role.Curator, specimen => specimen.HolderId ?? LastHolder(specimen));
    }

    private static InstitutionId? LastHolder(Specimen specimen) =>
        specimen.Holdings.Where(h => h.HolderId is not null).MaxBy(h => h.Index)?.HolderId;

    /// <summary>
    /// A change to a specimen's own facts, by the <paramref name="role"/> (a registrar unless named) of the institution
    /// <paramref name="answerable"/> names (its holder unless named), at the version read.
    /// </summary>
    private async Task<Outcome<SpecimenView>> ChangeAsync(
        string reference, long? expectedVersion, string forbidden, Func<Specimen, IReadOnlyList<RuleViolation>> change, Func<Specimen, string> reason,
        CancellationToken ct, Accounts.Role role = Accounts.Role.Registrar, Func<Specimen, InstitutionId?>? answerable = null)
    {
        if (await SpecimenLookup.FindAsync(db, reference, ct, SpecimenLookup.Reading.History, visible: access.CanRead) is not SpecimenLookup.Found { Specimen: var specimen })
            return new Outcome<SpecimenView>.NotFound($"No specimen with id or identifier '{reference}'.");
        if ((answerable ?? (s => s.HolderId))(specimen) is not { } holder || !access.Has(holder, role))
            return new Outcome<SpecimenView>.Forbidden(forbidden);
        if (expectedVersion is { } expected && expected != specimen.Version)
            return new Outcome<SpecimenView>.Stale(specimen.Version);
        var violations = change(specimen);
        if (violations.Count > 0)
            return violations.ToList();
        var names = await queries.NamesAsync(ct);
        return await Saving.SaveAsync(db, reason(specimen), () => names.Specimen(specimen), ct);
    }

    /// <summary>Splits part of a group off into a group of its own at the same institution (two enclosures, say).</summary>
    public async Task<Outcome<SpecimenView>> SplitAsync(string reference, GroupSplitInput input, long? expectedVersion, CancellationToken ct)
    {
        if (await SpecimenLookup.FindAsync(db, reference, ct, SpecimenLookup.Reading.History, visible: access.CanRead) is not SpecimenLookup.Found { Specimen: var group })
            return new Outcome<SpecimenView>.NotFound($"No specimen with id or identifier '{reference}'.");
        if (group.HolderId is not { } holder || !access.CanDescribeAt(holder))
            return new Outcome<SpecimenView>.Forbidden("A group is split by a registrar of the institution that holds it.");
        if (expectedVersion is { } expected && expected != group.Version)
            return new Outcome<SpecimenView>.Stale(group.Version);
        var problems = new List<RuleViolation>();
        if (!SexCounts.TryParse(input.Counts, out var part))
            problems.Add(new("event.counts", "counts", SexCounts.Unreadable(input.Counts)));
        if (input.At is null)
            problems.Add(new("event.instant", "at", "The split needs its date and time (UTC)."));
        if (group.OnTransfer is not null)
            problems.Add(new("transfer.specimen-taken", "id", "A group on an open transfer is split by that transfer's dispatch."));
        if (problems.Count > 0)
            return problems;
        var child = Groups.Split(group, part, Instants.FromClient(input.At!.Value), Keeper.At(holder), db.UtcNow, db.ActorName, reason: input.Reason);
        if (!child.IsValid)
            return child.Violations.ToList();
        db.Specimens.Add(child.Value);
        var names = await queries.NamesForAsync([group, child.Value], ct);
        return await Saving.SaveAsync(db, input.Reason ?? $"{part} split off a group", () => names.Specimen(child.Value), ct, created: true);
    }

    /// <summary>Merges a whole group into another of the same taxon at the same institution; the first one's record ends.</summary>
    public async Task<Outcome<SpecimenView>> MergeAsync(string reference, GroupMergeInput input, long? expectedVersion, CancellationToken ct)
    {
        if (await SpecimenLookup.FindAsync(db, reference, ct, SpecimenLookup.Reading.History, visible: access.CanRead) is not SpecimenLookup.Found { Specimen: var source })
            return new Outcome<SpecimenView>.NotFound($"No specimen with id or identifier '{reference}'.");
        if (source.HolderId is not { } holder || !access.CanDescribeAt(holder))
            return new Outcome<SpecimenView>.Forbidden("Groups are merged by a registrar of the institution that holds them.");
        if (expectedVersion is { } expected && expected != source.Version)
            return new Outcome<SpecimenView>.Stale(source.Version);
        var problems = new List<RuleViolation>();
        Specimen? target = null;
        switch (await SpecimenLookup.FindAsync(db, input.Into ?? "", ct, SpecimenLookup.Reading.History, heldBy: holder))
        {
            case SpecimenLookup.Found found: target = found.Specimen; break;
            case SpecimenLookup.Ambiguous a: problems.Add(new("specimen.ambiguous", "into", a.Message)); break;
            default: problems.Add(new("merge.holder", "into", $"The institution holds no group '{input.Into}'.")); break;
        }
        if (input.At is null)
            problems.Add(new("event.instant", "at", "The merge needs its date and time (UTC)."));
        if (problems.Count > 0)
            return problems;
        var violations = Groups.Merge(source, target!, Instants.FromClient(input.At!.Value), db.UtcNow, db.ActorName, input.Reason);
        if (violations.Count > 0)
            return violations.ToList();
        var names = await queries.NamesForAsync([source, target!], ct);
        return await Saving.SaveAsync(db, input.Reason ?? "groups merged", () => names.Specimen(target!), ct);
    }

    private static T? ParseEnum<T>(string? text, string field, string allowed, List<RuleViolation> problems)
        where T : struct, Enum
    {
        if (Enum.TryParse<T>(text?.Trim(), ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out _))
            return value;
        problems.Add(new($"specimen.{field}", field, $"'{text}' is not a {field}: {allowed}."));
        return null;
    }

    private static List<RuleViolation> Prefix(IEnumerable<RuleViolation> violations, string prefix) =>
        violations.Select(v => v with { Field = v.Field.StartsWith(prefix, StringComparison.Ordinal) || v.Field is "kind" or "sex" or "name" ? v.Field : prefix + v.Field }).ToList();
}
