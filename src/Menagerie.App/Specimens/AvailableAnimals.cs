using Menagerie.App.Institutions;
using Menagerie.App.Persistence;
using Menagerie.Domain;
using Menagerie.Domain.Specimens;
using Microsoft.EntityFrameworkCore;

namespace Menagerie.App.Specimens;

/// <summary>
/// An animal its holder has marked available for transfer, with only what a surplus list shows: the global id a
/// request names it by, its taxon, sex (a group's counts by sex), birth date and age in whole years today, the
/// institution offering it, and the holder's note. No identifiers, house name or history.
/// </summary>
public sealed record AvailableAnimal(
    Guid Specimen,
    SpecimenKind Kind,
    TaxonRef Taxon,
    Sex Sex,
    string Counts,
    DateOnly? BirthDate,
    bool BirthDateEstimated,
    int? Age,
    InstitutionRef Institution,
    string? Note);

public sealed record AvailablePage(int Total, int Offset, int Limit, IReadOnlyList<AvailableAnimal> Items);

/// <summary>
/// Every institution's animals available for transfer, for anyone signed in: the list other zoos ask from. An animal
/// already on an open transfer is left out until that transfer ends.
/// </summary>
public sealed class AvailableAnimals(MenagerieDbContext db)
{
    public async Task<Outcome<AvailablePage>> ListAsync(string? taxon, int offset, int limit, CancellationToken ct)
    {
        var problems = new List<RuleViolation>();
        if (limit is < 1 or > SpecimenQueries.MaxPageSize)
            problems.Add(new("page.limit", "limit", $"The limit must be between 1 and {SpecimenQueries.MaxPageSize}."));
        if (offset < 0)
            problems.Add(new("page.offset", "offset", "The offset cannot be negative."));
        var query = db.Specimens.AsNoTracking().Where(s => s.AvailableForTransfer && s.HolderId != null && s.OnTransfer == null);
        if (!string.IsNullOrWhiteSpace(taxon))
        {
            var found = await Taxa.TaxonCommands.FindAsync(db, taxon, ct);
            if (found is null)
                problems.Add(new("taxon.unknown", "taxon", $"There is no taxon '{taxon}' in these records."));
            else
                query = query.Where(s => s.TaxonId == found.Id);
        }
        if (problems.Count > 0)
            return problems;

        var total = await query.CountAsync(ct);
        var page = await query
            .OrderBy(s => db.Taxa.Where(t => t.Id == s.TaxonId).Select(t => t.ScientificName).First()).ThenBy(s => s.Id)
            .Skip(offset).Take(limit).ToListAsync(ct);
        var taxonIds = page.Select(s => s.TaxonId).Distinct().ToList();
        var holderIds = page.Select(s => s.HolderId!.Value).Distinct().ToList();
        var taxa = await db.Taxa.AsNoTracking().Where(t => taxonIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var holders = await db.Institutions.AsNoTracking().Where(i => holderIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var today = DateOnly.FromDateTime(db.UtcNow);
        return new Outcome<AvailablePage>.Ok(new AvailablePage(total, offset, limit, page.Select(s =>
        {
            var (t, holder) = (taxa[s.TaxonId], holders[s.HolderId!.Value]);
            return new AvailableAnimal(s.Id.Value, s.Kind, new TaxonRef(t.Id.Value, t.ScientificName, t.CommonName), s.Sex, s.Counts.ToString(),
                s.BirthDate, s.BirthDateEstimated, s.BirthDate is { } born ? AgeOn(born, today) : null,
                new InstitutionRef(holder.Id.Value, holder.Code, holder.Name), s.AvailabilityNote);
        }).ToList()));
    }

    /// <summary>Whole years from birth to the day.</summary>
    public static int AgeOn(DateOnly born, DateOnly day) =>
        day.Year - born.Year - (day.Month < born.Month || (day.Month == born.Month && day.Day < born.Day) ? 1 : 0);
}
