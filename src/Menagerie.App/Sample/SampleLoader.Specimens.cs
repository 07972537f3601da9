using Menagerie.App.Files;
using Menagerie.App.Specimens;
using Menagerie.Domain;
using Menagerie.Domain.Specimens;
using Microsoft.EntityFrameworkCore;

namespace Menagerie.App.Sample;

public sealed partial class SampleLoader
{
    private sealed record SpecimenRow(CsvRow Row, string Key, SpecimenId Id, SpecimenKind Kind, Sex Sex, TaxonId Taxon, List<(string Scheme, string Value)> Identifiers);

    /// <summary>How many identifiers one query looks up: well under SQLite's limit of values in a statement.</summary>
    private const int LookupChunk = 500;

    private sealed partial class Batch
    {
        private readonly HashSet<string> _existingKeys = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Specimen> _newByKey = new(StringComparer.Ordinal);

        public async Task SpecimensAsync(List<CsvRow> specimenRows, List<CsvRow> eventRows, CancellationToken ct)
        {
            var specimens = new Dictionary<string, SpecimenRow>(StringComparer.Ordinal);
            foreach (var row in specimenRows)
            {
                var parsed = ParseSpecimen(row);
                if (parsed is not null && !specimens.TryAdd(parsed.Key, parsed))
                    problems.Add(row.Problem("key", $"The key '{parsed.Key}' is listed twice."));
            }
            // A specimen already in the records keeps its id, so that new offspring name the real parent.
            foreach (var (key, id) in await PresentAsync(specimens.Values, ct))
            {
                specimens[key] = specimens[key] with { Id = id };
                _existingKeys.Add(key);
            }

            var pending = specimens.ToDictionary(s => s.Key, s => (s.Value.Id, s.Value.Kind, s.Value.Sex), StringComparer.Ordinal);
            var resolver = new Resolver(db, pending);
            foreach (var (code, id) in _institutions)
                resolver.Know(code, id);
            var codes = _institutions.ToDictionary(i => i.Value, i => i.Key);
            string NameOf(InstitutionId id) => codes.TryGetValue(id, out var code) ? code : id.ToString();

            var eventsBySpecimen = new Dictionary<string, List<CsvRow>>(StringComparer.Ordinal);
            foreach (var row in eventRows)
            {
                if (row["specimen"] is not { } key || !specimens.ContainsKey(key))
                    problems.Add(row.Problem("specimen", $"There is no specimen '{row["specimen"]}' in specimens.csv."));
                else if (eventsBySpecimen.TryGetValue(key, out var list))
                    list.Add(row);
                else
                    eventsBySpecimen[key] = [row];
            }

            var now = db.UtcNow;
            foreach (var s in specimens.Values)
            {
                if (_existingKeys.Contains(s.Key))
                {
                    AlreadyPresent++;
                    continue;
                }
                if (!eventsBySpecimen.TryGetValue(s.Key, out var rows))
                {
                    problems.Add(s.Row.Problem("key", $"The specimen '{s.Key}' has no events in events.csv; its first must be its birth or acquisition."));
                    continue;
                }
                await BuildAsync(s, rows, resolver, NameOf, now, ct);
                if (_part.Count >= perSave)
                    await SavePartAsync(ct);
            }
            await SavePartAsync(ct);
        }

        private readonly List<Specimen> _part = [];

        /// <summary>Saves the specimens checked since the last part, unless a problem has been found; lets them go either way.</summary>
        private async Task SavePartAsync(CancellationToken ct)
        {
            if (problems.Count == 0 && _part.Count > 0)
                await save(_part, ct);
            _part.Clear();
        }

        private async Task BuildAsync(SpecimenRow s, List<CsvRow> rows, Resolver resolver, Func<InstitutionId, string> nameOf, DateTime now, CancellationToken ct)
        {
            Specimen? specimen = null;
            var broken = false;
            foreach (var row in rows)
            {
                var input = EventFile.Input(row, problems);
                var (details, eventProblems) = await input.ResolveAsync(resolver, "", ct);
                problems.AddRange(eventProblems.Select(p => row.Problem(Column(p.Field), p.Message)));
                // Once an event is refused, the rest of this history is still read for its own problems,
                // but not replayed: its consequences would only repeat the first.
                broken |= details is null;
                if (broken)
                    continue;
                var violations = specimen is null ? Start(s, details!, nameOf, now, out specimen) : specimen.Record(EventId.New(), details!, now, db.ActorName, nameOf);
                problems.AddRange(violations.Select(v => row.Problem(Column(v.Field), v.Message)));
                broken = violations.Count > 0;
            }
            if (!broken && s.Row["cites_source"] is { } source && specimen!.RecordOrigin(source, null) is { Count: > 0 } refused)
            {
                problems.AddRange(refused.Select(v => s.Row.Problem("cites_source", v.Message)));
                broken = true;
            }
            if (broken)
                return;
            if (onTransfers.Contains(s.Key))
            {
                Kept.Add(specimen!);
                _newByKey[s.Key] = specimen!;
            }
            else
            {
                _part.Add(specimen!);
            }
        }

        private IReadOnlyList<RuleViolation> Start(SpecimenRow s, EventDetails first, Func<InstitutionId, string> nameOf, DateTime now, out Specimen? specimen)
        {
            var created = Specimen.Create(s.Id, s.Kind, s.Taxon, s.Sex, s.Row["name"], EventId.New(), first, now, db.ActorName, nameOf);
            specimen = created.IsValid ? created.Value : null;
            return specimen is null ? created.Violations : AddIdentifiers(specimen, s, first, now);
        }

        private List<RuleViolation> AddIdentifiers(Specimen specimen, SpecimenRow s, EventDetails first, DateTime now)
        {
            foreach (var (scheme, value) in s.Identifiers)
            {
                var violations = specimen.Record(EventId.New(), new EventDetails
                {
                    Type = EventType.IdentifierAdded,
                    Date = first.Date,
                    At = first.At,
                    Institution = first.Institution,
                    IdentifierScheme = scheme,
                    IdentifierValue = value,
                }, now, db.ActorName);
                if (violations.Count > 0)
                    return violations.Select(v => v with { Field = "identifiers" }).ToList();
            }
            return [];
        }

        private SpecimenRow? ParseSpecimen(CsvRow row)
        {
            var before = problems.Count;
            var key = row["key"];
            if (key is null)
                problems.Add(row.Problem("key", "The key is missing."));
            var kind = SpecimenKind.Individual;
            if (row["kind"] is { } kindText && (!Enum.TryParse(kindText, ignoreCase: true, out kind) || !Enum.IsDefined(kind)))
                problems.Add(row.Problem("kind", $"'{kindText}' is not a kind: individual or group."));
            var sex = Sex.Unknown;
            if (row["sex"] is { } sexText && (!Enum.TryParse(sexText, ignoreCase: true, out sex) || !Enum.IsDefined(sex)))
                problems.Add(row.Problem("sex", $"'{sexText}' is not a sex: male, female or unknown."));
            if (!_taxa.TryGetValue(row["taxon"] ?? "", out var taxon))
                problems.Add(row.Problem("taxon", $"There is no taxon '{row["taxon"]}' in taxa.csv or in the records."));
            var identifiers = ParseIdentifiers(row);
            return problems.Count > before ? null : new SpecimenRow(row, key!, SpecimenId.New(), kind, sex, taxon, identifiers);
        }

        /// <summary>
        /// The specimens already in the records — those whose first identifier a specimen there carries —
        /// with their ids, found in a query per 500 rows rather than one per row: one query for all would name
        /// more values than SQLite takes in a statement (32,766) once a file has that many specimens.
        /// </summary>
        private async Task<List<(string Key, SpecimenId Id)>> PresentAsync(IEnumerable<SpecimenRow> rows, CancellationToken ct)
        {
            var byFirstIdentifier = new Dictionary<(string Scheme, string Value), SpecimenRow>();
            foreach (var row in rows.Where(r => r.Identifiers.Count > 0))
                byFirstIdentifier.TryAdd(row.Identifiers[0], row);
            var present = new Dictionary<string, SpecimenId>(StringComparer.Ordinal);
            foreach (var values in byFirstIdentifier.Keys.Select(k => k.Value).Distinct(StringComparer.Ordinal).Chunk(LookupChunk))
            {
                var carried = await db.SpecimenIdentifiers.AsNoTracking().Where(i => values.Contains(i.Value))
                    .Select(i => new { i.Scheme, i.Value, i.SpecimenId }).ToListAsync(ct);
                foreach (var c in carried)
                {
                    if (byFirstIdentifier.TryGetValue((c.Scheme, c.Value), out var row))
                        present.TryAdd(row.Key, c.SpecimenId);
                }
            }
            return present.Select(p => (p.Key, p.Value)).ToList();
        }
    }
}
