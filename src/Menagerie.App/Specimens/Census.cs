using Menagerie.App.Institutions;
using Menagerie.App.Persistence;
using Menagerie.Domain.Specimens;
using Microsoft.EntityFrameworkCore;

namespace Menagerie.App.Specimens;

public sealed record CensusLine(
    Specimens.TaxonRef Taxon, int Individuals, string IndividualsBySex, int Groups, string GroupCountsBySex, string TotalBySex, int Total);

public sealed record CensusView(InstitutionRef Institution, DateOnly Date, IReadOnlyList<CensusLine> Taxa, string TotalBySex, int Total);

/// <summary>
/// What an institution held at the end of a day, per taxon: individuals by sex and the counts of its groups.
/// Added up in the database from the day-by-day changes the holding periods make (<see cref="CensusChange"/>),
/// whose number grows with the days on which something changed, not with the animals.
/// </summary>
public sealed class Census(MenagerieDbContext db, TimeProvider time, Accounts.Access access)
{
    public async Task<Outcome<CensusView>> OnAsync(string institutionCodeOrId, DateOnly? on, CancellationToken ct)
    {
        var institution = await InstitutionCommands.FindAsync(db, institutionCodeOrId, ct);
        if (institution is null)
            return new Outcome<CensusView>.NotFound($"No institution with code or id '{institutionCodeOrId}'.");
        if (!access.IsMemberOf(institution.Id) && !access.IsAdministrator)
            return new Outcome<CensusView>.Forbidden($"Only the people of {institution.Code} read its census.");
        var date = on ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

        var rows = (await db.CensusChanges.AsNoTracking()
            .Where(c => c.InstitutionId == institution.Id && c.Day <= date)
            .GroupBy(c => new { c.TaxonId, c.Kind })
            .Select(g => new { g.Key.TaxonId, g.Key.Kind, Specimens = g.Sum(c => c.Specimens), Males = g.Sum(c => c.Males), Females = g.Sum(c => c.Females), Unknown = g.Sum(c => c.UnknownSex) })
            .ToListAsync(ct)).Where(r => r.Specimens != 0).ToList();

        var taxa = await db.Taxa.AsNoTracking().ToDictionaryAsync(t => t.Id, ct);
        var lines = rows.GroupBy(r => r.TaxonId).Select(g =>
        {
            var individuals = g.Where(r => r.Kind == SpecimenKind.Individual).Select(r => (r.Specimens, Counts: new SexCounts(r.Males, r.Females, r.Unknown))).FirstOrDefault();
            var groups = g.Where(r => r.Kind == SpecimenKind.Group).Select(r => (r.Specimens, Counts: new SexCounts(r.Males, r.Females, r.Unknown))).FirstOrDefault();
            var total = individuals.Counts + groups.Counts;
            var taxon = taxa[g.Key];
            return (Total: total, Line: new CensusLine(
                new TaxonRef(taxon.Id.Value, taxon.ScientificName, taxon.CommonName), individuals.Specimens, individuals.Counts.ToString(),
                groups.Specimens, groups.Counts.ToString(), total.ToString(), total.Total));
        }).OrderBy(l => l.Line.Taxon.ScientificName, StringComparer.Ordinal).ToList();

        var sum = lines.Aggregate(SexCounts.Zero, (acc, l) => acc + l.Total);
        return new Outcome<CensusView>.Ok(new CensusView(
            new InstitutionRef(institution.Id.Value, institution.Code, institution.Name), date, [.. lines.Select(l => l.Line)], sum.ToString(), sum.Total));
    }
}
