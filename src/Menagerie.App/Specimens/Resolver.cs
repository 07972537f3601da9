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

    public static async Task<Result> FindAsync(MenagerieDbContext db, string reference, CancellationToken ct, bool withHistory = false)
    {
        var text = (reference ?? "").Trim();
        IQueryable<Specimen> query = db.Specimens.AsNoTracking().Include(s => s.Identifiers);
        if (withHistory)
            query = db.Specimens.Include(s => s.Identifiers).Include(s => s.Events).Include(s => s.Holdings).AsSplitQuery();
        if (Guid.TryParse(text, out var guid))
        {
            var byId = await query.FirstOrDefaultAsync(s => s.Id == new SpecimenId(guid), ct);
            return byId is null ? new Missing() : new Found(byId);
        }
        var ids = await db.SpecimenIdentifiers.AsNoTracking().Where(i => i.Value == text).Select(i => i.SpecimenId).Distinct().Take(6).ToListAsync(ct);
        if (ids.Count == 0)
            ids = await db.Specimens.AsNoTracking().Where(s => s.Name == text).Select(s => s.Id).Take(6).ToListAsync(ct);
        return ids.Count switch
        {
            0 => new Missing(),
            1 => new Found(await query.SingleAsync(s => s.Id == ids[0], ct)),
            _ => new Ambiguous($"'{text}' names {(ids.Count > 5 ? "more than 5" : ids.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))} specimens ({string.Join(", ", ids.Take(5))}); use the global id."),
        };
    }
}
