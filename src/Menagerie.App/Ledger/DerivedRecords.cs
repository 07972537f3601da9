using System.Runtime.CompilerServices;
using Menagerie.App.Compliance.Reference;
using Menagerie.App.Files;
using Menagerie.App.Persistence;
using Menagerie.App.Specimens;
using Menagerie.App.Studbooks;
using Microsoft.EntityFrameworkCore;

namespace Menagerie.App.Ledger;

/// <summary>One derived thing recomputed: how many rows it read, and what differs, if anything.</summary>
internal readonly record struct DerivedCheck(long Rows, RowDifference? Difference);

/// <summary>
/// Rows kept up to date from others, recomputed and compared: each specimen's status, holder, counts and holding
/// periods from its events; the census changes from the holding periods; the current checklist's names and listings, which the ledger
/// records by their edition's counts and digest; a studbook's individual ids, read again from its stored file.
/// </summary>
internal sealed class DerivedRecords(MenagerieDbContext db)
{
    private const int SpecimensPerBatch = 500;

    public async IAsyncEnumerable<DerivedCheck> CheckAsync([EnumeratorCancellation] CancellationToken ct)
    {
        // The census changes are recomputed from the holding periods read for the specimens' own check.
        var census = new PeriodCensus();
        await foreach (var check in SpecimensAsync(census, ct))
            yield return check;
        yield return await CensusAsync(census, ct);
        yield return await ChecklistAsync(ct);
        await foreach (var check in StudbooksAsync(ct))
            yield return check;
    }

    private async IAsyncEnumerable<DerivedCheck> SpecimensAsync(PeriodCensus census, [EnumeratorCancellation] CancellationToken ct)
    {
        var specimens = db.Specimens.AsNoTracking().AsSplitQuery()
            .Include(s => s.Events).Include(s => s.Holdings).Include(s => s.Identifiers).OrderBy(s => s.Id);
        for (var skip = 0; ; skip += SpecimensPerBatch)
        {
            var batch = await specimens.Skip(skip).Take(SpecimensPerBatch).ToListAsync(ct);
            foreach (var specimen in batch)
            {
                census.AddPeriodsOf(specimen);
                var id = specimen.Id.Value.ToString("D");
                yield return specimen.FieldsOutOfStepWithHistory() is [var field, ..]
                    ? new(1, new("Specimen", id, field, null, $"Specimen {id}: {field} is not what its events make it: the records are out of step with the animal's history."))
                    : new(1, null);
            }
            if (batch.Count < SpecimensPerBatch)
                yield break;
        }
    }

    /// <summary>The census changes stored against <paramref name="recomputed"/>, those the holding periods make.</summary>
    private async Task<DerivedCheck> CensusAsync(PeriodCensus recomputed, CancellationToken ct)
    {
        var expected = recomputed.ByDay;
        var stored = await db.CensusChanges.AsNoTracking().ToListAsync(ct);
        var wrong = stored.FirstOrDefault(c => expected.GetValueOrDefault(c.Key) != c.Tally);
        var missing = expected.Keys.Except(stored.Select(c => c.Key)).Select(k => (CensusKey?)k).FirstOrDefault();
        if ((wrong?.Key ?? missing) is not { } key)
            return new(stored.Count, null);
        var id = $"{key.Institution.Value:D}/{key.Taxon.Value:D}/{key.Kind}/{key.Day:yyyy-MM-dd}";
        return new(stored.Count, new("CensusChange", id, null, null,
            $"The census of institution {key.Institution.Value:D} for taxon {key.Taxon.Value:D} ({key.Kind}) on {key.Day:yyyy-MM-dd} is not what the holding periods make it: the counts are out of step with the animals' histories."));
    }

    private async Task<DerivedCheck> ChecklistAsync(CancellationToken ct)
    {
        var edition = await db.ChecklistEditions.AsNoTracking().OrderByDescending(e => e.Number).FirstOrDefaultAsync(ct);
        var names = await db.ChecklistNames.AsNoTracking().ToListAsync(ct);
        var listings = await db.ChecklistListings.AsNoTracking().ToListAsync(ct);
        var rows = names.Count + listings.Count;
        if (edition is null)
        {
            return rows == 0 ? new(0, null)
                : new(rows, new("ChecklistName", "", null, null, $"The records hold {rows} checklist names and listings but no checklist edition they belong to."));
        }
        var id = edition.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (names.Any(n => n.Edition != edition.Number) || listings.Any(l => l.Edition != edition.Number)
            || names.Count != edition.Names || listings.Count != edition.Listings
            || !string.Equals(ChecklistEdition.DigestOf(edition.Source, edition.AsOf, names, listings), edition.Digest, StringComparison.Ordinal))
        {
            return new(rows, new("ChecklistEdition", id, nameof(ChecklistEdition.Digest), null,
                $"The checklist's names and listings are not those of its edition {id} ({edition.Names} names, {edition.Listings} listings, digest {edition.Digest}): {names.Count} names and {listings.Count} listings, changed outside the ledger."));
        }
        return new(rows, null);
    }

    private async IAsyncEnumerable<DerivedCheck> StudbooksAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var ids = await db.Studbooks.AsNoTracking().OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(ct);
        // One file at a time: a studbook may hold a large pedigree.
        foreach (var id in ids)
        {
            var studbook = await db.Studbooks.AsNoTracking().Where(s => s.Id == id).Select(s => new { s.FileName, s.Content }).SingleAsync(ct);
            var stored = await db.StudbookIndividuals.AsNoTracking().Where(i => i.StudbookId == id).Select(i => i.IndividualId).ToListAsync(ct);
            using var bytes = new MemoryStream(studbook.Content, writable: false);
            using var text = CsvTable.OpenText(bytes);
            var read = await StudbookLoader.LoadAsync(text, studbook.FileName, ct) is StudbookLoad.Loaded loaded ? loaded.Pedigree.Ids : [];
            yield return stored.ToHashSet(StringComparer.Ordinal).SetEquals(read)
                ? new(stored.Count, null)
                : new(stored.Count, new("Studbook", id.ToString("D"), nameof(Studbook.Individuals), null,
                    $"Studbook {id:D}: its {stored.Count} individual ids are not the {read.Count} its stored file names: they were changed outside the ledger."));
        }
    }
}
