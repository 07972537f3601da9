using Menagerie.App.Persistence;
using Menagerie.Domain;
using Menagerie.Domain.Taxa;
using Microsoft.EntityFrameworkCore;

namespace Menagerie.App.Taxa;

public sealed record TaxonInput(string ScientificName, string CommonName, TaxonRank Rank, string TaxonClass, string? Family = null);

public sealed record TaxonView(Guid Id, string ScientificName, string CommonName, TaxonRank Rank, string TaxonClass, string? Family, bool IdentifiedToSpecies, long Version)
{
    public static TaxonView Of(Taxon t) => new(t.Id.Value, t.ScientificName, t.CommonName, t.Rank, t.TaxonClass, t.Family, t.IsIdentifiedToSpecies, t.Version);
}

public sealed class TaxonCommands(MenagerieDbContext db, Accounts.Access access)
{
    public async Task<IReadOnlyList<TaxonView>> ListAsync(CancellationToken ct) =>
        (await db.Taxa.AsNoTracking().OrderBy(t => t.ScientificName).ToListAsync(ct)).Select(TaxonView.Of).ToList();

    public async Task<Outcome<TaxonView>> GetAsync(string idOrName, CancellationToken ct)
    {
        var taxon = await FindAsync(db, idOrName, ct);
        return taxon is null ? NotFound(idOrName) : new Outcome<TaxonView>.Ok(TaxonView.Of(taxon));
    }

    public async Task<Outcome<TaxonView>> CreateAsync(TaxonInput input, CancellationToken ct)
    {
        if (!access.IsAdministrator && !access.HasAnywhere(Accounts.Role.Registrar, Accounts.Role.Curator, Accounts.Role.StudbookKeeper))
            return new Outcome<TaxonView>.Forbidden("Taxa are added by registrars, curators, studbook keepers and administrators.");
        var created = Taxon.Create(TaxonId.New(), input.ScientificName, input.CommonName, input.Rank, input.TaxonClass, input.Family);
        if (!created.IsValid)
            return created.Violations.ToList();
        if (await db.Taxa.AnyAsync(t => t.ScientificName == created.Value.ScientificName, ct))
            return new Outcome<TaxonView>.Conflict($"The taxon {created.Value.ScientificName} already exists.");
        db.Taxa.Add(created.Value);
        await db.SaveChangesAsync($"taxon {created.Value.ScientificName} added", ct);
        return new Outcome<TaxonView>.Created(TaxonView.Of(created.Value));
    }

    public async Task<Outcome<TaxonView>> UpdateAsync(string idOrName, TaxonInput input, long? expectedVersion, CancellationToken ct)
    {
        var taxon = await FindAsync(db, idOrName, ct, tracked: true);
        if (taxon is null)
            return NotFound(idOrName);
        if (!access.IsAdministrator)
            return new Outcome<TaxonView>.Forbidden("A taxon shared by every institution is corrected by an administrator.");
        if (expectedVersion is { } expected && expected != taxon.Version)
            return new Outcome<TaxonView>.Stale(taxon.Version);
        var problems = taxon.Correct(input.ScientificName, input.CommonName, input.Rank, input.TaxonClass, input.Family);
        if (problems.Count > 0)
            return problems.ToList();
        return await Saving.SaveAsync(db, $"taxon {taxon.ScientificName} updated", () => TaxonView.Of(taxon), ct);
    }

    /// <summary>Finds a taxon by id or by its exact scientific name.</summary>
    public static async Task<Taxon?> FindAsync(MenagerieDbContext db, string idOrName, CancellationToken ct, bool tracked = false)
    {
        var query = tracked ? db.Taxa : db.Taxa.AsNoTracking();
        if (Guid.TryParse(idOrName, out var guid))
            return await query.FirstOrDefaultAsync(t => t.Id == new TaxonId(guid), ct);
        var name = (idOrName ?? "").Trim();
        return await query.FirstOrDefaultAsync(t => t.ScientificName == name, ct);
    }

    private static Outcome<TaxonView>.NotFound NotFound(string idOrName) => new($"No taxon with id or scientific name '{idOrName}'.");
}
