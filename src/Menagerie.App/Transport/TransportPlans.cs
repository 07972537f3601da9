using Menagerie.App.Accounts;
using Menagerie.App.Persistence;
using Menagerie.App.Transfers;
using Menagerie.Domain;
using Menagerie.Domain.Compliance;
using Menagerie.Domain.Specimens;
using Menagerie.Domain.Transfers;
using Menagerie.Domain.Transport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Menagerie.App.Transport;

/// <summary>
/// Where a licensed LAR container table is read from, if any (Menagerie:Transport:ContainerRequirements), and
/// the address people reach Menagerie at (Menagerie:PublicUrl), which crate labels link animals' records to.
/// </summary>
public sealed record TransportSettings
{
    public const string ContainerRequirementsSetting = "Menagerie:Transport:ContainerRequirements";
    public const string PublicUrlSetting = "Menagerie:PublicUrl";

    public string? ContainerRequirements { get; init; }
    public Uri? PublicUrl { get; init; }

    public static TransportSettings From(IConfiguration? configuration)
    {
        var url = configuration?[PublicUrlSetting];
        if (url is not null && !Uri.TryCreate(url, UriKind.Absolute, out _))
            throw new InvalidOperationException($"{PublicUrlSetting} is '{url}': an absolute address such as https://zoo.example/menagerie is expected.");
        return new TransportSettings { ContainerRequirements = configuration?[ContainerRequirementsSetting], PublicUrl = url is null ? null : new Uri(url) };
    }
}

/// <summary>A transfer line as documents print it: the animal, its identifiers and the documents that cover it.</summary>
public sealed record ManifestLine(int Line, Guid SpecimenId, string Specimen, string? Name, string Taxon, string CommonName, string Sex, int Count,
    IReadOnlyList<string> Identifiers, IReadOnlyList<string> Documents);

/// <summary>
/// Everything a transfer's transport documents print: the plan, the parties, the 24-hour contact, each line with
/// its identifiers and covering documents, and the transfer's own documents.
/// </summary>
public sealed record TransportPapers(
    Guid Transfer, string Reference, InstitutionParty Shipper, InstitutionParty Consignee, string? EmergencyContact,
    TransportPlan Plan, IReadOnlyList<ManifestLine> Lines, IReadOnlyList<TransferDocumentSummary> Documents);

public sealed record InstitutionParty(string Code, string Name, string Country, string? Address);

public sealed record TransferDocumentSummary(string Type, string Number, string IssuingState, DateOnly IssuedOn, DateOnly? ValidUntil, IReadOnlyList<int> Lines);

/// <summary>
/// A transfer's transport: the journey the coordinator records, the crates and loading plan proposed from the
/// animals' latest measurements, and the welfare log attendants keep on the way, as events on the specimens.
/// Whoever may read the transfer may read its plan; the transport coordinator, registrar or curator of either
/// party records the journey, and their attendants (transport coordinator or veterinarian) the welfare checks.
/// </summary>
public sealed class TransportPlans(MenagerieDbContext db, TransferQueries queries, Specimens.SpecimenQueries specimenQueries, Access access, ContainerTables tables)
{
    private static readonly Role[] Plan = [Role.TransportCoordinator, Role.Registrar, Role.Curator];
    private static readonly Role[] Attend = [Role.TransportCoordinator, Role.Veterinarian];

    public async Task<Outcome<TransportPlanView>> PlanAsync(Guid id, string? containers, CancellationToken ct)
    {
        var built = await PapersAsync(id, containers, ct);
        return built switch
        {
            Outcome<TransportPapers>.Ok ok => new Outcome<TransportPlanView>.Ok(TransportPlanView.Of(ok.Value)),
            _ => built.As<TransportPlanView>(),
        };
    }

    /// <summary>The plan with what the documents print. <paramref name="containers"/>: a licensed LAR table to use instead of the uploaded or configured one.</summary>
    public async Task<Outcome<TransportPapers>> PapersAsync(Guid id, string? containers, CancellationToken ct) =>
        await ReadableAsync(id, ct) is { } transfer ? await PapersAsync(transfer, containers, ct) : NotFound<TransportPapers>(id);

    /// <summary>The transfer with its lines, when it exists and the person may read it.</summary>
    private async Task<Transfer?> ReadableAsync(Guid id, CancellationToken ct)
    {
        var transfer = await TransferQueries.Whole(db.Transfers.AsNoTracking()).FirstOrDefaultAsync(t => t.Id == new TransferId(id), ct);
        return transfer is not null && await queries.CanReadAsync(transfer, ct) ? transfer : null;
    }

    /// <summary>
    /// Whether the plan names and measures the animal as its records do. Until the sender accepts a request, the
    /// requester learns no more of an animal it may not read than the list of available animals shows: it is named
    /// by its global id, with no identifiers and no measurements.
    /// </summary>
    private bool Opens(Transfer transfer, Specimen s) => transfer.SenderAgreed || access.CanRead(s);

    private static Outcome<T>.NotFound NotFound<T>(Guid id) => new($"No transfer {id}.");

    private async Task<Outcome<TransportPapers>> PapersAsync(Transfer transfer, string? containers, CancellationToken ct)
    {
        var (table, problems) = await tables.InForceAsync(containers, ct);
        if (table is null)
            return new Outcome<TransportPapers>.Invalid([.. problems.Select(p => new RuleViolation("containers.file", $"{p.File}:{p.Line}:{p.Field}", Wording.FromString(p.Message)))]);
        var stored = await db.TransferJourneys.AsNoTracking().FirstOrDefaultAsync(j => j.TransferId == transfer.Id, ct);
        var input = stored?.Input ?? new JourneyInput();
        var lineNumbers = transfer.Lines.Select(l => l.Number).ToList();
        var journey = input.ToJourney(lineNumbers);
        if (!journey.IsValid)
            return new Outcome<TransportPapers>.Invalid([.. journey.Violations]);
        var (animals, lines) = await AnimalsAsync(transfer, journey.Value.Temperatures, ct);
        var plan = TransportPlanner.Plan(animals, table, journey.Value.Journey);
        var parties = await db.Institutions.AsNoTracking().Where(i => i.Id == transfer.SenderId || i.Id == transfer.ReceiverId).ToDictionaryAsync(i => i.Id, ct);
        var documents = await db.TransferDocuments.AsNoTracking().Include(d => d.Covers).Where(d => d.TransferId == transfer.Id).ToListAsync(ct);
        var summaries = documents.OrderBy(d => d.IssuedOn).Select(d => new TransferDocumentSummary(DocumentNames.Name(d.Type), d.Number, d.IssuingState, d.IssuedOn, d.ValidUntil,
            [.. d.Covers.Select(c => c.Line)])).ToList();
        var manifest = lines.Select(l => l with
        {
            Documents = [.. summaries.Where(d => d.Lines.Count == 0 || d.Lines.Contains(l.Line)).Select(d => $"{d.Type} {d.Number}")],
        }).ToList();
        InstitutionParty Party(InstitutionId i, string? address) => new(parties[i].Code, parties[i].Name, parties[i].CountryCode, address);
        return new Outcome<TransportPapers>.Ok(new TransportPapers(
            transfer.Id.Value, transfer.Id.ToString(), Party(transfer.SenderId, input.ShipperAddress), Party(transfer.ReceiverId, input.ConsigneeAddress),
            input.EmergencyContact, plan, manifest, summaries));
    }

    /// <summary>
    /// Each line's animal with its latest measurements: a measurement or weighing later in the history replaces
    /// the fields it gives. A group split off for the journey is measured as the group it came from until it is measured itself.
    /// </summary>
    private async Task<(List<TransportAnimal> Animals, List<ManifestLine> Lines)> AnimalsAsync(
        Transfer transfer, IReadOnlyDictionary<int, TemperatureRange> temperatures, CancellationToken ct)
    {
        var ids = transfer.Lines.Select(l => l.ShippedId ?? l.SpecimenId).Concat(transfer.Lines.Select(l => l.SpecimenId)).Distinct().ToList();
        var specimens = await db.Specimens.AsNoTracking().Include(s => s.Identifiers).Include(s => s.Events)
            .Where(s => ids.Contains(s.Id)).AsSplitQuery().ToDictionaryAsync(s => s.Id, ct);
        var taxonIds = transfer.Lines.Select(l => l.TaxonId).Distinct().ToList();
        var taxa = await db.Taxa.AsNoTracking().Where(t => taxonIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var animals = new List<TransportAnimal>();
        var lines = new List<ManifestLine>();
        foreach (var line in transfer.Lines.OrderBy(l => l.Number))
        {
            var specimen = specimens[line.ShippedId ?? line.SpecimenId];
            var origin = specimens[line.SpecimenId];
            var taxon = taxa[line.TaxonId];
            var opens = Opens(transfer, origin);
            var key = opens ? Key(origin) : origin.Id.Value.ToString();
            animals.Add(new TransportAnimal
            {
                Line = line.Number,
                Specimen = key,
                Name = opens ? origin.Name : null,
                Taxon = taxon.ScientificName,
                CommonName = taxon.CommonName,
                Lineage = taxon.Lineage(),
                IdentifiedToSpecies = taxon.IsIdentifiedToSpecies,
                Mammal = string.Equals(taxon.TaxonClass, "Mammalia", StringComparison.OrdinalIgnoreCase),
                Count = line.Counts.Total,
                Measurements = !opens ? Measurements.None : Latest(origin).Then(specimen.Id == origin.Id ? Measurements.None : Latest(specimen)),
                Temperature = temperatures.GetValueOrDefault(line.Number),
            });
            lines.Add(new ManifestLine(line.Number, specimen.Id.Value, key, opens ? origin.Name : null, taxon.ScientificName, taxon.CommonName,
                line.Kind == SpecimenKind.Group ? line.Counts.ToString() : origin.Sex.ToString().ToLowerInvariant(), line.Counts.Total,
                opens ? [.. origin.Identifiers.Select(i => $"{i.Scheme}:{i.Value}")] : [], []));
        }
        return (animals, lines);
    }

    /// <summary>The specimen's local number, as the sending institution knows it, or its id.</summary>
    private static string Key(Specimen s) =>
        s.Identifiers.FirstOrDefault(i => string.Equals(i.Scheme, "local", StringComparison.OrdinalIgnoreCase))?.Value ?? s.Id.Value.ToString();

    private static Measurements Latest(Specimen s)
    {
        var superseded = s.Events.Where(e => e.Supersedes is not null).Select(e => e.Supersedes!.Value).ToHashSet();
        var m = Measurements.None;
        foreach (var e in s.Events.Where(e => e.Type is EventType.Measurement or EventType.Weight && !superseded.Contains(e.Id))
                     .OrderBy(e => e.Details.OrderingInstant).ThenBy(e => e.Sequence))
        {
            m = m.Then(new Measurements(e.LengthCm, e.ElbowHeightCm, e.WidthCm, e.HeightCm, e.WeightKg));
        }
        return m;
    }

    public async Task<Outcome<JourneyInput>> JourneyAsync(Guid id, CancellationToken ct)
    {
        if (await ReadableAsync(id, ct) is not { } transfer)
            return NotFound<JourneyInput>(id);
        var stored = await db.TransferJourneys.AsNoTracking().FirstOrDefaultAsync(j => j.TransferId == transfer.Id, ct);
        return stored is null ? new Outcome<JourneyInput>.NotFound($"No journey is recorded for transfer {id}.") : new Outcome<JourneyInput>.Ok(stored.Input);
    }

    /// <summary>
    /// The journey as its editor opens it: as recorded (empty when none is yet) with its version (0 when none), for
    /// a person who may record it; whoever else may read the transfer is refused.
    /// </summary>
    public async Task<Outcome<JourneyRecord>> JourneyToEditAsync(Guid id, CancellationToken ct)
    {
        if (await ReadableAsync(id, ct) is not { } transfer)
            return NotFound<JourneyRecord>(id);
        if (!MayRecordJourney(transfer))
            return new Outcome<JourneyRecord>.Forbidden(JourneyForbidden);
        var stored = await db.TransferJourneys.AsNoTracking().FirstOrDefaultAsync(j => j.TransferId == transfer.Id, ct);
        return new Outcome<JourneyRecord>.Ok(new JourneyRecord(id, stored?.Input ?? new JourneyInput(), stored?.Version ?? 0));
    }

    /// <summary>Records the journey (replacing the one before) once it is consistent; every problem at once otherwise.</summary>
    public Task<Outcome<JourneyInput>> RecordJourneyAsync(Guid id, JourneyInput input, CancellationToken ct) => RecordJourneyAsync(id, input, null, ct);

    /// <summary>
    /// Records the journey as <see cref="RecordJourneyAsync(Guid, JourneyInput, CancellationToken)"/> does, when it is
    /// still at <paramref name="expectedVersion"/> (0: none recorded yet); stale otherwise, and nothing is written.
    /// </summary>
    public async Task<Outcome<JourneyInput>> RecordJourneyAsync(Guid id, JourneyInput input, long? expectedVersion, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await ReadableAsync(id, ct) is not { } transfer)
            return NotFound<JourneyInput>(id);
        if (!MayRecordJourney(transfer))
            return new Outcome<JourneyInput>.Forbidden(JourneyForbidden);
        var stored = await db.TransferJourneys.FirstOrDefaultAsync(j => j.TransferId == transfer.Id, ct);
        if (expectedVersion is { } expected && expected != (stored?.Version ?? 0))
            return new Outcome<JourneyInput>.Stale(stored?.Version ?? 0);
        var journey = input.ToJourney([.. transfer.Lines.Select(l => l.Number)]);
        var outOfRange = input.LegsOutOfRange(db.UtcNow).ToList();
        if (!journey.IsValid || outOfRange.Count > 0)
            return journey.Violations.Concat(outOfRange).ToList();
        if (stored is null)
            db.TransferJourneys.Add(TransferJourney.Create(transfer.Id, input, db.UtcNow, db.ActorName));
        else
            stored.Replace(input, db.UtcNow, db.ActorName);
        return await Saving.SaveAsync(db, $"journey of transfer {transfer.Id} recorded", () => input, ct, created: stored is null);
    }

    private const string JourneyForbidden = "The journey is recorded by a transport coordinator, registrar or curator of the sender or the receiver.";

    private bool MayRecordJourney(Transfer transfer) => access.Has(transfer.SenderId, Plan) || access.Has(transfer.ReceiverId, Plan);

    /// <summary>
    /// An attendant's welfare check on the journey, recorded as an event on every animal in the crates checked
    /// (every animal of the transfer when none is named): the time, temperature, condition, food and water given,
    /// any sedation, and who checked. The journey begins at dispatch, when the animals are loaded: a group split
    /// off for it is checked as the group that travels, never as the one left behind.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<WelfareCheckView>>> RecordWelfareCheckAsync(Guid id, WelfareCheckInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await ReadableAsync(id, ct) is not { } transfer)
            return NotFound<IReadOnlyList<WelfareCheckView>>(id);
        var papers = await PapersAsync(transfer, null, ct);
        if (papers is not Outcome<TransportPapers>.Ok { Value: var p })
            return papers.As<IReadOnlyList<WelfareCheckView>>();
        if (!MayRecordWelfare(transfer))
            return new Outcome<IReadOnlyList<WelfareCheckView>>.Forbidden("Welfare checks are recorded by a transport coordinator or veterinarian of the sender or the receiver.");
        var problems = new List<RuleViolation>();
        if (transfer.DispatchedAt is null)
            problems.Add(new("welfare.not-dispatched", "at", $"Transfer {transfer.Id} has not been dispatched: its journey, and its welfare log, begin when the animals leave."));
        var crates = new List<Crate>();
        foreach (var (number, _) in InputList.Present(input.Crates, "crates", problems))
        {
            if (p.Plan.Crates.FirstOrDefault(c => string.Equals(c.Number, number, StringComparison.OrdinalIgnoreCase)) is { } crate)
                crates.Add(crate);
            else
                problems.Add(new("welfare.crate", "crates", $"The plan has no crate {number}."));
        }
        problems.AddRange(WelfareCheckProblems(input));
        if (problems.Count > 0)
            return problems;
        var at = Instants.FromClient(input.At!.Value);
        var lines = crates.Count > 0 ? crates.SelectMany(c => c.Occupants).Select(o => o.Line).ToHashSet() : transfer.Lines.Select(l => l.Number).ToHashSet();
        var travelling = transfer.Lines.Where(l => lines.Contains(l.Number)).Select(l => l.ShippedId ?? l.SpecimenId).Distinct().ToList();
        var specimens = await db.Specimens.Include(s => s.Events).Include(s => s.Holdings).Include(s => s.Identifiers)
            .Where(s => travelling.Contains(s.Id)).AsSplitQuery().ToListAsync(ct);
        var keys = await KeysAsync(transfer, ct);
        var names = await specimenQueries.NamesAsync(ct);
        var details = new EventDetails
        {
            Type = EventType.WelfareCheck,
            Date = new PartialDate(DateOnly.FromDateTime(at), false),
            At = at,
            Transfer = transfer.Id,
            Text = input.Condition!.Trim(),
            Welfare = new WelfareObservation(input.TemperatureC, input.Fed, input.Watered, OptionalText.From(input.Sedation), OptionalText.From(input.Attendant)),
        };
        foreach (var specimen in specimens)
        {
            foreach (var v in specimen.Record(EventId.New(), details, db.UtcNow, db.ActorName, names.InstitutionCode))
                problems.Add(v with { Wording = $"{keys[specimen.Id]}: {v.Wording}" });
        }
        if (problems.Count > 0)
            return problems;
        var checkedCrates = crates.Count > 0 ? "crates " + string.Join(", ", crates.Select(c => c.Number)) : "all animals";
        return await Saving.SaveAsync(db, $"welfare check on transfer {transfer.Id} at {at:u} ({checkedCrates})",
            () => (IReadOnlyList<WelfareCheckView>)[.. specimens.Select(s => WelfareCheckView.Of(keys[s.Id], s.Events[^1]))], ct, created: true);
    }

    /// <summary>
    /// What is wrong with a welfare check's own fields, before any record is read: its time, the condition seen, who
    /// checked, the temperature, the sedation. A form that could not read a field asks this for the others.
    /// </summary>
    public static IReadOnlyList<RuleViolation> WelfareCheckProblems(WelfareCheckInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var problems = new List<RuleViolation>();
        if (input.At is null)
            problems.Add(new("event.instant", "at", "A welfare check needs its time (UTC)."));
        if (string.IsNullOrWhiteSpace(input.Condition))
            problems.Add(new("event.text", "condition", "A welfare check needs the animals' condition as seen."));
        else if (input.Condition.Trim().Length > EventRules.MaxTextLength)
            problems.Add(new("event.text", "condition", $"The condition is longer than {EventRules.MaxTextLength} characters."));
        if (string.IsNullOrWhiteSpace(input.Attendant))
            problems.Add(new("event.attendant", "attendant", "A welfare check needs who made it."));
        problems.AddRange(EventRules.Welfare(new WelfareObservation(input.TemperatureC, input.Fed, input.Watered, OptionalText.From(input.Sedation), OptionalText.From(input.Attendant))));
        return problems;
    }

    /// <summary>Whether the person is an attendant of either party: a transport coordinator or veterinarian of the sender or the receiver.</summary>
    private bool MayRecordWelfare(Transfer transfer) => access.Has(transfer.SenderId, Attend) || access.Has(transfer.ReceiverId, Attend);

    /// <summary>
    /// The welfare log for the transfer's page: the checks with those that came late marked against the journey's
    /// interval (from dispatch on), the animals overdue now (after arrival: overdue when they arrived), the crates a
    /// check may name, and whether the person looking is an attendant, who records checks while the animals travel.
    /// </summary>
    public async Task<Outcome<WelfareLogView>> WelfareAsync(Guid id, CancellationToken ct)
    {
        if (await ReadableAsync(id, ct) is not { } transfer)
            return NotFound<WelfareLogView>(id);
        // A plan the rules cannot make (a journey or container table with problems) leaves no crates to name; the log still shows.
        var plan = await PapersAsync(transfer, null, ct) is Outcome<TransportPapers>.Ok { Value: var p } ? p.Plan : null;
        var keys = await KeysAsync(transfer, ct);
        var log = await LogAsync(transfer, keys, ct);
        var animals = keys.Values.Distinct(StringComparer.Ordinal).ToList();
        var crates = (plan?.Crates ?? []).Select(c => new WelfareCrateView(c.Number, [.. c.Occupants.Select(o => new OccupantView(o.Line, o.Specimen, o.Name, o.Taxon, o.CommonName, o.Count))])).ToList();
        IEnumerable<string> CratesOf(string animal) => crates.Where(c => c.Animals.Any(a => a.Specimen == animal)).Select(c => c.Crate);
        var every = plan?.Journey.CheckEveryHours ?? Welfare.InspectionHours;
        var interval = TimeSpan.FromHours(every);
        var rounds = transfer.DispatchedAt is { } start ? WelfareSchedule.Rounds(log, animals, CratesOf, start, interval) : [];
        var due = transfer.DispatchedAt is { } from && transfer.Status is TransferStatus.Dispatched or TransferStatus.Received
            ? WelfareSchedule.Due(rounds, animals, CratesOf, from, interval, transfer.ReceivedAt ?? db.UtcNow)
            : null;
        return new Outcome<WelfareLogView>.Ok(new WelfareLogView(
            transfer.Id.Value, transfer.Status, transfer.DispatchedAt, transfer.ReceivedAt, every, crates, rounds, due,
            MayRecordWelfare(transfer)));
    }

    /// <summary>The journey's welfare log: every check on the transfer's animals still standing (not corrected or withdrawn), in time order.</summary>
    public async Task<Outcome<IReadOnlyList<WelfareCheckView>>> WelfareLogAsync(Guid id, CancellationToken ct)
    {
        if (await ReadableAsync(id, ct) is not { } transfer)
            return NotFound<IReadOnlyList<WelfareCheckView>>(id);
        return new Outcome<IReadOnlyList<WelfareCheckView>>.Ok(await LogAsync(transfer, await KeysAsync(transfer, ct), ct));
    }

    private async Task<IReadOnlyList<WelfareCheckView>> LogAsync(Transfer transfer, Dictionary<SpecimenId, string> keys, CancellationToken ct)
    {
        var travelling = keys.Keys.ToList();
        var events = await db.SpecimenEvents.AsNoTracking().Where(e => travelling.Contains(e.SpecimenId)).ToListAsync(ct);
        var withdrawn = events.Where(e => e.Supersedes is not null).Select(e => e.Supersedes!.Value).ToHashSet();
        return [.. events
            .Where(e => e.Type == EventType.WelfareCheck && e.TransferId == transfer.Id && !withdrawn.Contains(e.Id))
            .OrderBy(e => e.At).ThenBy(e => keys[e.SpecimenId], StringComparer.Ordinal)
            .Select(e => WelfareCheckView.Of(keys[e.SpecimenId], e))];
    }

    /// <summary>
    /// How the transfer's animals are named, by the record on the transfer and by the one that travels (a group
    /// split off for the journey has no identifiers of its own): the sending institution's local number.
    /// </summary>
    private async Task<Dictionary<SpecimenId, string>> KeysAsync(Transfer transfer, CancellationToken ct)
    {
        var origins = transfer.Lines.Select(l => l.SpecimenId).ToList();
        var named = await db.Specimens.AsNoTracking().Include(s => s.Identifiers).Where(s => origins.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => Opens(transfer, s) ? Key(s) : s.Id.Value.ToString(), ct);
        var keys = new Dictionary<SpecimenId, string>();
        foreach (var line in transfer.Lines)
        {
            keys[line.SpecimenId] = named[line.SpecimenId];
            if (line.ShippedId is { } shipped)
                keys[shipped] = named[line.SpecimenId];
        }
        return keys;
    }
}

/// <summary>A transfer's journey as recorded, and the version a change to it must name.</summary>
public sealed record JourneyRecord(Guid Transfer, JourneyInput Journey, long Version);

/// <summary>A welfare check as an attendant reports it.</summary>
public sealed record WelfareCheckInput(
    DateTime? At, IReadOnlyList<string?>? Crates, decimal? TemperatureC, string? Condition, bool? Fed, bool? Watered, string? Sedation, string? Attendant);

public sealed record WelfareCheckView(string Specimen, Guid Event, DateTime At, decimal? TemperatureC, string? Condition, bool? Fed, bool? Watered, string? Sedation, string? Attendant, string RecordedBy)
{
    public static WelfareCheckView Of(string specimen, SpecimenEvent e) => new(
        specimen, e.Id.Value, e.At ?? e.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), e.TemperatureC, e.Text, e.Fed, e.Watered, e.Sedation, e.Attendant, e.RecordedBy);
}
