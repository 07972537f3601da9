using Menagerie.App.Institutions;
using Menagerie.App.Persistence;
using Menagerie.Domain;
using Menagerie.Domain.Specimens;
using Microsoft.EntityFrameworkCore;

namespace Menagerie.App.Specimens;

/// <summary>Turns the names a registrar uses (institution codes, identifiers) into ids, or says why it cannot.</summary>
internal sealed class Resolver(MenagerieDbContext db, IReadOnlyDictionary<string, (SpecimenId Id, SpecimenKind Kind, Sex Sex)>? pending = null)
{
    private readonly Dictionary<string, InstitutionId?> _institutions = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Names institutions that are about to be saved together with the events that mention them.</summary>
    public void Know(string code, InstitutionId id) => _institutions[code] = id;

    public async Task<InstitutionId?> InstitutionAsync(string? codeOrId, string field, List<RuleViolation> problems, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(codeOrId))
            return null;
        if (!_institutions.TryGetValue(codeOrId, out var id))
        {
            id = (await InstitutionCommands.FindAsync(db, codeOrId, ct))?.Id;
            _institutions[codeOrId] = id;
        }
        if (id is null)
            problems.Add(new("institution.unknown", field, $"There is no institution '{codeOrId}' in these records."));
        return id;
    }

    public async Task<SpecimenId?> ParentAsync(string? reference, Sex role, string field, List<RuleViolation> problems, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reference))
            return null;
        if (pending?.TryGetValue(reference.Trim(), out var known) == true)
            return CheckParent(known.Id, known.Kind, known.Sex);
        var found = await SpecimenLookup.FindAsync(db, reference, ct);
        switch (found)
        {
            case SpecimenLookup.Found { Specimen: var parent }:
                return CheckParent(parent.Id, parent.Kind, parent.Sex);
            case SpecimenLookup.Ambiguous a:
                problems.Add(new("parent.ambiguous", field, a.Message));
                return null;
            default:
                problems.Add(new("parent.unknown", field, $"There is no specimen '{reference}' in these records."));
                return null;
        }

        SpecimenId CheckParent(SpecimenId id, SpecimenKind kind, Sex sex)
        {
            if (kind != SpecimenKind.Individual)
            {
                problems.Add(new("parent.group", field, role == Sex.Male
                    ? Wording.Of($"The sire '{reference}' is a group; a parent is one animal.")
                    : $"The dam '{reference}' is a group; a parent is one animal."));
            }
            else if (sex != role && sex != Sex.Unknown)
            {
                problems.Add(new("parent.sex", field, role == Sex.Male
                    ? Wording.Of($"The sire '{reference}' is recorded as {new Term(sex)}.")
                    : $"The dam '{reference}' is recorded as {new Term(sex)}."));
            }
            return id;
        }
    }
}

/// <summary>Finds a specimen by its global id or by any identifier or house name it carries.</summary>
public static class SpecimenLookup
{
    public abstract record Result;

    public sealed record Found(Specimen Specimen) : Result;

    public sealed record Missing : Result;

    public sealed record Ambiguous(Wording Message) : Result;

    /// <summary>What is read with the specimen found.</summary>
    public enum Reading
    {
        /// <summary>Its identifiers, for showing it; not tracked.</summary>
        Identifiers,

        /// <summary>Its identifiers and holding periods, tracked: where its history ends, to which an event is appended.</summary>
        HistoryEnd,

        /// <summary>Its whole history, tracked.</summary>
        History,

        /// <summary>Its whole history, for showing it; not tracked.</summary>
        HistoryShown,
    }

    /// <summary>
    /// Finds what the reference names among the specimens <paramref name="visible"/> lets the caller see (and,
    /// with <paramref name="heldBy"/>, among those that institution holds);
    /// the others are as if they did not exist, so an id from another institution reveals nothing.
    /// </summary>
    public static async Task<Result> FindAsync(
        MenagerieDbContext db, string reference, CancellationToken ct, Reading reading = Reading.Identifiers, Func<Specimen, bool>? visible = null, InstitutionId? heldBy = null)
    {
        var text = (reference ?? "").Trim();
        IQueryable<Specimen> query = reading switch
        {
            Reading.History => db.Specimens.Include(s => s.Identifiers).Include(s => s.Events).Include(s => s.Holdings).AsSplitQuery(),
            Reading.HistoryShown => db.Specimens.AsNoTracking().Include(s => s.Identifiers).Include(s => s.Events).Include(s => s.Holdings).AsSplitQuery(),
            Reading.HistoryEnd => db.Specimens.Include(s => s.Identifiers).Include(s => s.Holdings).AsSplitQuery(),
            _ => db.Specimens.AsNoTracking().Include(s => s.Identifiers),
        };
        // In the database, before the first few matches are taken: a local id common to many zoos must still find this one's animal.
        if (heldBy is { } holder)
            query = query.Where(s => s.HolderId == holder);
        if (Guid.TryParse(text, out var guid))
        {
            var byId = await query.FirstOrDefaultAsync(s => s.Id == new SpecimenId(guid), ct);
            return byId is null || visible?.Invoke(byId) == false ? new Missing() : new Found(byId);
        }
        // IN (subquery) rather than EXISTS, so that the database starts from the identifier index, not the specimens.
        var carrying = db.SpecimenIdentifiers.Where(i => i.Value == text).Select(i => i.SpecimenId);
        // Ordered, so that the same text always lists the same animals when it names too many.
        var matches = await query.Where(s => carrying.Contains(s.Id)).OrderBy(s => s.Id).Take(6).ToListAsync(ct);
        if (visible is not null)
            matches.RemoveAll(s => !visible(s));
        if (matches.Count == 0)
            matches = (await query.Where(s => s.Name == text).OrderBy(s => s.Id).Take(6).ToListAsync(ct)).Where(s => visible?.Invoke(s) != false).ToList();
        return Decide(text, matches);
    }

    /// <summary>How many references one query looks up: well under SQLite's limit of parameters in a statement.</summary>
    private const int Chunk = 500;

    /// <summary>
    /// What each reference names, by the same rules as <see cref="FindAsync"/>, for a batch: every specimen found is
    /// loaded with its history and tracked, in a few queries per 500 references rather than several per reference.
    /// The answer is keyed by the reference trimmed; a blank reference has none.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, Result>> FindManyAsync(
        MenagerieDbContext db, IEnumerable<string?> references, Func<Specimen, bool>? visible, CancellationToken ct)
    {
        var texts = references.Select(r => (r ?? "").Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var candidates = texts.ToDictionary(t => t, t => Guid.TryParse(t, out var id) ? [new SpecimenId(id)] : new List<SpecimenId>(), StringComparer.Ordinal);
        foreach (var chunk in texts.Where(t => !Guid.TryParse(t, out _)).Chunk(Chunk))
        {
            var carried = await db.SpecimenIdentifiers.AsNoTracking().Where(i => chunk.Contains(i.Value)).Select(i => new { i.Value, i.SpecimenId }).ToListAsync(ct);
            foreach (var c in carried)
                candidates.GetValueOrDefault(c.Value)?.Add(c.SpecimenId);
        }
        var results = new Dictionary<string, Result>(StringComparer.Ordinal);
        var byName = await DecideAsync(db, candidates, visible, results, ct);
        if (byName.Count == 0)
            return results;

        // As one at a time: a house name is tried only where no identifier names a visible specimen.
        var named = byName.ToDictionary(t => t, _ => new List<SpecimenId>(), StringComparer.Ordinal);
        foreach (var chunk in byName.Chunk(Chunk))
        {
            var found = await db.Specimens.AsNoTracking().Where(s => s.Name != null && chunk.Contains(s.Name)).Select(s => new { s.Name, s.Id }).ToListAsync(ct);
            foreach (var f in found)
                named.GetValueOrDefault(f.Name!)?.Add(f.Id);
        }
        foreach (var unresolved in await DecideAsync(db, named, visible, results, ct))
            results[unresolved] = new Missing();
        return results;
    }

    /// <summary>Loads the candidates and decides each reference that names a visible specimen; returns those that name none.</summary>
    private static async Task<List<string>> DecideAsync(
        MenagerieDbContext db, Dictionary<string, List<SpecimenId>> candidates, Func<Specimen, bool>? visible, Dictionary<string, Result> results, CancellationToken ct)
    {
        var loaded = new Dictionary<SpecimenId, Specimen>();
        foreach (var chunk in candidates.Values.SelectMany(ids => ids).Distinct().Chunk(Chunk))
        {
            var specimens = await db.Specimens.Include(s => s.Identifiers).Include(s => s.Events).Include(s => s.Holdings).AsSplitQuery()
                .Where(s => chunk.Contains(s.Id)).ToListAsync(ct);
            foreach (var s in specimens)
                loaded[s.Id] = s;
        }
        var none = new List<string>();
        foreach (var (text, ids) in candidates)
        {
            var matches = ids.Distinct().Select(id => loaded.GetValueOrDefault(id)).OfType<Specimen>().Where(s => visible?.Invoke(s) != false).ToList();
            if (matches.Count == 0 && !Guid.TryParse(text, out _))
                none.Add(text);
            else
                results[text] = Decide(text, matches);
        }
        return none;
    }

    private static Result Decide(string text, List<Specimen> matches) => matches.Count switch
    {
        0 => new Missing(),
        1 => new Found(matches[0]),
        _ => new Ambiguous(matches.Count > 5
            ? Wording.Of($"'{text}' names more than 5 specimens ({string.Join(", ", matches.Take(5).Select(m => m.Id))}); use the global id.")
            : $"'{text}' names {matches.Count} specimens ({string.Join(", ", matches.Select(m => m.Id))}); use the global id."),
    };
}
