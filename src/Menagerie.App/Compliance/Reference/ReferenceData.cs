using Menagerie.App.Files;
using Menagerie.App.Persistence;
using Menagerie.Domain.Compliance;
using Microsoft.EntityFrameworkCore;

namespace Menagerie.App.Compliance.Reference;

/// <summary>
/// The reference data compliance rules read, as one <see cref="Checklist"/>: the checklist (names, current
/// listings with their sources and as-of dates, first-listing dates), Party status of states, domesticated
/// forms, native ranges, sanctions regimes and the CITES code tables.
/// </summary>
public static class ReferenceData
{
    private static readonly Lazy<Shipped> Seed = new(ReadShipped, LazyThreadSafetyMode.ExecutionAndPublication);
    private static volatile StoredChecklist? _lastStored;

    /// <summary>
    /// What Menagerie ships: the 2013 CITES Checklist snapshot with Menagerie's listing corrections applied,
    /// and its own reference tables. Read once, on first use, and shared; it needs no database.
    /// </summary>
    public static Checklist Embedded() => Seed.Value.Checklist;

    /// <summary>
    /// The checklist in the records: the names and listings of the database's current edition, with the
    /// shipped tables, and Party status from the records' countries where that is as recent as the shipped
    /// status or more, the countries whose authority approves what leaves them, and the trade suspensions and export
    /// quotas of the zoo's Species+ downloads. A database without a checklist gives <see cref="Embedded"/>. The names and listings of
    /// the last edition read are kept in memory, by digest, until another edition is read.
    /// </summary>
    public static async Task<Checklist> LoadAsync(MenagerieDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var edition = await db.ChecklistEditions.AsNoTracking().OrderByDescending(e => e.Number).FirstOrDefaultAsync(ct);
        var countries = await db.Countries.AsNoTracking().ToListAsync(ct);
        var approval = countries.Where(c => c.RequiresAuthorityApproval).Select(c => c.Code).ToList();
        var suspensions = (await db.TradeSuspensions.AsNoTracking().ToListAsync(ct)).Select(s => s.ToSuspension()).ToList();
        var quotas = (await db.ExportQuotas.AsNoTracking().ToListAsync(ct)).Select(q => q.ToQuota()).ToList();
        if (edition is null)
        {
            return approval.Count == 0 && suspensions.Count == 0 && quotas.Count == 0
                ? Embedded()
                : new Checklist(WithTables(Seed.Value.Contents, Seed.Value.Tables, Seed.Value.Contents) with { AuthorityApproval = approval, Suspensions = suspensions, Quotas = quotas });
        }
        var stored = _lastStored;
        if (stored is null || !string.Equals(stored.Digest, edition.Digest, StringComparison.Ordinal))
        {
            var names = await db.ChecklistNames.AsNoTracking().Where(n => n.Edition == edition.Number).ToListAsync(ct);
            var listings = await db.ChecklistListings.AsNoTracking().Where(l => l.Edition == edition.Number).OrderBy(l => l.Sequence).ToListAsync(ct);
            var firstListed = names.Where(n => n.FirstListed is not null).ToDictionary(n => n.Name, n => n.FirstListed!.Value, StringComparer.OrdinalIgnoreCase);
            _lastStored = stored = new StoredChecklist(edition.Digest, new ChecklistContents
            {
                Source = edition.Source,
                AsOf = edition.AsOf,
                Taxa = names.Select(n => n.ToTaxon()).ToList(),
                Listings = listings.Select(l => l.ToListing()).ToList(),
                FirstListed = firstListed,
            });
        }
        var parties = Seed.Value.Tables.Parties.ToDictionary(p => p.Code, StringComparer.OrdinalIgnoreCase);
        foreach (var c in countries.Where(c => !parties.TryGetValue(c.Code, out var shipped) || c.StatusAsOf >= shipped.AsOf))
            parties[c.Code] = new PartyStatus(c.Code, c.Name, c.IsCitesParty, c.CitesEntryIntoForce, c.StatusAsOf, c.StatusSource);
        return new Checklist(WithTables(stored.Contents, Seed.Value.Tables, Seed.Value.Contents) with
        {
            Parties = parties.Values.ToList(),
            AuthorityApproval = approval,
            Suspensions = suspensions,
            Quotas = quotas,
        });
    }

    /// <summary>
    /// What Menagerie ships, with the trade suspensions and export quotas of a zoo's own Species+ downloads and the
    /// states (ISO codes) whose authority approves every transfer leaving them, as a database's countries would say.
    /// </summary>
    public static Checklist EmbeddedWith(IReadOnlyList<TradeSuspension> suspensions, IReadOnlyList<ExportQuota> quotas, IReadOnlyList<string> approval) =>
        suspensions.Count == 0 && quotas.Count == 0 && approval.Count == 0 ? Embedded()
            : new Checklist(WithTables(Seed.Value.Contents, Seed.Value.Tables, Seed.Value.Contents) with { Suspensions = suspensions, Quotas = quotas, AuthorityApproval = approval });

    /// <summary>The shipped checklist with the corrections applied, as a new database is seeded with it.</summary>
    internal static (ChecklistContents Contents, int Corrections) EmbeddedContents() => (Seed.Value.Contents, Seed.Value.Corrections);

    /// <summary>Menagerie's own reference tables as shipped.</summary>
    public static ReferenceTables Tables() => Seed.Value.Tables;

    /// <summary>Country names and codes: the snapshot's countries table and the names of the Parties list.</summary>
    public static CountryNames Countries() => Seed.Value.Countries;

    /// <summary>A checklist with the shipped tables; the code tables are the shipped snapshot's, which an import does not replace.</summary>
    private static ChecklistContents WithTables(ChecklistContents checklist, ReferenceTables tables, ChecklistContents shipped) => checklist with
    {
        Parties = tables.Parties,
        Changes = tables.Changes,
        Synonyms = tables.Synonyms,
        Coverage = tables.Coverage,
        Domesticated = tables.Domesticated,
        NativeRanges = tables.NativeRanges,
        Sanctions = tables.Sanctions,
        SourceCodes = shipped.SourceCodes,
        PurposeCodes = shipped.PurposeCodes,
    };

    private static Shipped ReadShipped()
    {
        // Embedded resources are read from memory; nothing here waits on I/O worth an async path.
        var ct = CancellationToken.None;
        var snapshot = ChecklistSnapshot.ReadEmbeddedAsync(ct).GetAwaiter().GetResult();
        var tables = ReferenceTables.ReadEmbeddedAsync(ct).GetAwaiter().GetResult();
        var countries = ReadCountriesAsync(tables, ct).GetAwaiter().GetResult();
        return (snapshot, tables) switch
        {
            (ReadResult<ChecklistContents>.Read s, ReadResult<ReferenceTables>.Read t) => Shipped.Of(s.Value, t.Value, countries),
            _ => throw new InvalidOperationException("Menagerie's embedded reference data do not read: " + string.Join("; ", Problems(snapshot).Concat(Problems(tables)))),
        };

        static IEnumerable<InputProblem> Problems<T>(ReadResult<T> result) => result is ReadResult<T>.Rejected r ? r.Problems : [];
    }

    private static async Task<CountryNames> ReadCountriesAsync(ReadResult<ReferenceTables> tables, CancellationToken ct)
    {
        var names = new List<(string, string)>();
        using (var text = await ReferenceFolder.EmbeddedSnapshot.OpenAsync(ChecklistSnapshot.CountriesFile, ct))
        {
            var (rows, _) = await CsvTable.ReadAsync(text!, ChecklistSnapshot.CountriesFile, ["ISO2", "short_name", "long_name"], ct);
            foreach (var row in rows.Where(r => r["ISO2"] is not null))
            {
                names.Add((row["ISO2"]!, row["short_name"] ?? row["ISO2"]!));
                if (row["long_name"] is { } longName)
                    names.Add((row["ISO2"]!, longName));
            }
        }
        if (tables is ReadResult<ReferenceTables>.Read read)
            names.AddRange(read.Value.Parties.Select(p => (p.Code, p.Name)));
        return new CountryNames(names);
    }

    private sealed record StoredChecklist(string Digest, ChecklistContents Contents);

    private sealed record Shipped(ChecklistContents Contents, int Corrections, ReferenceTables Tables, CountryNames Countries, Checklist Checklist)
    {
        public static Shipped Of(ChecklistContents snapshot, ReferenceTables tables, CountryNames countries)
        {
            var (corrected, applied) = ListingCorrection.Apply(snapshot, tables.Corrections);
            return new Shipped(corrected, applied, tables, countries, new Checklist(WithTables(corrected, tables, corrected)));
        }
    }
}
