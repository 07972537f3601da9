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
            var name = role == Sex.Male ? "sire" : "dam";
            if (kind != SpecimenKind.Individual)
                problems.Add(new("parent.group", field, $"The {name} '{reference}' is a group; a parent is one animal."));
            else if (sex != role && sex != Sex.Unknown)
                problems.Add(new("parent.sex", field, $"The {name} '{reference}' is recorded as {sex.ToString().ToLowerInvariant()}."));
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

    public sealed record Ambiguous(string Message) : Result;

    /// <summary>
    /// Finds what the reference names among the specimens <paramref name="visible"/> lets the caller see (and,
    /// with <paramref name="heldBy"/>, among those that institution holds);
    /// the others are as if they did not exist, so an id from another institution reveals nothing.
    /// </summary>
    public static async Task<Result> FindAsync(
        MenagerieDbContext db, string reference, CancellationToken ct, bool withHistory = false, Func<Specimen, bool>? visible = null, InstitutionId? heldBy = null)
    {
        var text = (reference ?? "").Trim();
        IQueryable<Specimen> query = db.Specimens.AsNoTracking().Include(s => s.Identifiers);
        if (withHistory)
            query = db.Specimens.Include(s => s.Identifiers).Include(s => s.Events).Include(s => s.Holdings).AsSplitQuery();
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
        var matches = await query.Where(s => carrying.Contains(s.Id)).Take(6).ToListAsync(ct);
        if (visible is not null)
            matches.RemoveAll(s => !visible(s));
        if (matches.Count == 0)
            matches = (await query.Where(s => s.Name == text).Take(6).ToListAsync(ct)).Where(s => visible?.Invoke(s) != false).ToList();
        return matches.Count switch
        {
            0 => new Missing(),
            1 => new Found(matches[0]),
            _ => new Ambiguous($"'{text}' names {(matches.Count > 5 ? "more than 5" : matches.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))} specimens ({string.Join(", ", matches.Take(5).Select(m => m.Id))}); use the global id."),
        };
    }
}
