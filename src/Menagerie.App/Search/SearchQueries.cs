using Menagerie.App.Accounts;
using Menagerie.App.Institutions;
using Menagerie.App.Persistence;
using Menagerie.App.Specimens;
using Menagerie.Domain;
using Menagerie.Domain.Specimens;
using Microsoft.EntityFrameworkCore;

namespace Menagerie.App.Search;

/// <summary>A specimen found by its global id, one of its identifiers or its house name.</summary>
public sealed record SpecimenHit(Guid Id, TaxonRef Taxon, SpecimenKind Kind, Sex Sex, string Counts, string? Name, SpecimenStatus Status, string? Holder, IReadOnlyList<string> Identifiers);

public sealed record TaxonHit(Guid Id, string ScientificName, string CommonName);

public sealed record SearchResults(string Query, IReadOnlyList<SpecimenHit> Specimens, IReadOnlyList<InstitutionRef> Institutions, IReadOnlyList<TaxonHit> Taxa);

/// <summary>
/// The search box: specimens the person may read (any identifier, house name or global id), and the
/// institutions and taxa everyone signed in may read. Case is ignored; a part of a name or number will do.
/// </summary>
public sealed class SearchQueries(MenagerieDbContext db, Access access)
{
    public const int MaxQueryLength = 100;
    public const int Limit = 25;

    public async Task<Outcome<SearchResults>> FindAsync(string? query, CancellationToken ct)
    {
        var text = (query ?? "").Trim();
        if (text.Length == 0 || text.Length > MaxQueryLength)
            return new Outcome<SearchResults>.Invalid([new("search.query", "q", $"Search for 1 to {MaxQueryLength} characters.")]);
        var lower = text.ToLowerInvariant();
#pragma warning disable CA1862, MA0011 // In a query: lower(…) and a substring match in SQL; the overloads the analyzers prefer do not translate.

        var specimens = access.Readable(db.Specimens.AsNoTracking());
        var carrying = db.SpecimenIdentifiers.Where(i => i.Value.ToLower().Contains(lower)).Select(i => i.SpecimenId);
        specimens = Guid.TryParse(text, out var guid)
            ? specimens.Where(s => s.Id == new SpecimenId(guid))
            : specimens.Where(s => carrying.Contains(s.Id) || (s.Name != null && s.Name.ToLower().Contains(lower)));
        var found = await specimens.Include(s => s.Identifiers).OrderBy(s => s.Id).Take(Limit).ToListAsync(ct);

        var institutions = await db.Institutions.AsNoTracking()
            .Where(i => i.Code.ToLower().Contains(lower) || i.Name.ToLower().Contains(lower))
            .OrderBy(i => i.Code).Take(Limit).Select(i => new InstitutionRef(i.Id.Value, i.Code, i.Name)).ToListAsync(ct);
        var taxa = await db.Taxa.AsNoTracking()
            .Where(t => t.ScientificName.ToLower().Contains(lower) || t.CommonName.ToLower().Contains(lower))
            .OrderBy(t => t.ScientificName).Take(Limit).Select(t => new TaxonHit(t.Id.Value, t.ScientificName, t.CommonName)).ToListAsync(ct);
#pragma warning restore CA1862, MA0011

        var taxonIds = found.Select(s => s.TaxonId).Distinct().ToList();
        var names = await db.Taxa.AsNoTracking().Where(t => taxonIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var codes = await db.Institutions.AsNoTracking().ToDictionaryAsync(i => i.Id, i => i.Code, ct);
        var hits = found.Select(s => new SpecimenHit(
            s.Id.Value, new TaxonRef(s.TaxonId.Value, names[s.TaxonId].ScientificName, names[s.TaxonId].CommonName), s.Kind, s.Sex, s.Counts.ToString(), s.Name, s.Status,
            s.HolderId is { } h ? codes[h] : null, s.Identifiers.Select(i => $"{i.Scheme}:{i.Value}").ToList())).ToList();
        return new Outcome<SearchResults>.Ok(new SearchResults(text, hits, institutions, taxa));
    }
}
