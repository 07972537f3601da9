using Menagerie.App.Accounts;
using Menagerie.App.Persistence;
using Menagerie.App.Specimens;
using Menagerie.App.Transfers;
using Menagerie.Domain;
using Microsoft.EntityFrameworkCore;

namespace Menagerie.App.Ledger;

public sealed record SpecimenLedger(SpecimenView Specimen, LedgerPage Page);

public sealed record TransferLedger(TransferView Transfer, LedgerPage Page);

public sealed record UserLedger(UserView User, LedgerPage Page);

/// <summary>
/// Reads the ledger. An entity's entries are read by whoever may read the entity, by the same rule as its own
/// page or resource (an animal of another institution is not found, a user is the administrator's); the whole
/// chain is verified by the administrator. An entity's history takes in the rows that are part of it: an
/// animal's events, identifiers and holding periods; a transfer's lines, steps, documents, confirmed warnings
/// and journey; a user's memberships, tokens and sign-in attempts.
/// </summary>
public sealed class LedgerQueries(
    MenagerieDbContext db, Access access, SpecimenQueries specimens, TransferQueries transfers, AccountCommands accounts, AuditVerifier verifier)
{
    public const int PageSize = 100;

    /// <summary>Ids in one query's IN list: well under SQLite's limit on parameters, whatever an animal's number of events.</summary>
    private const int IdsPerQuery = 500;

    public async Task<Outcome<SpecimenLedger>> SpecimenAsync(string reference, long? before, CancellationToken ct)
    {
        var read = await specimens.GetAsync(reference, ct);
        if (read is not Outcome<SpecimenView>.Ok { Value: var specimen })
            return read.As<SpecimenLedger>();
        var id = new SpecimenId(specimen.Id);
        var key = Key(specimen.Id);
        var events = await db.SpecimenEvents.AsNoTracking().Where(e => e.SpecimenId == id).Select(e => e.Id).ToListAsync(ct);
        var sources = new List<IQueryable<LedgerEntry>>
        {
            Entries("Specimen").Where(e => e.EntityId == key),
            Entries("HoldingPeriod").Where(e => e.EntityId.StartsWith(key + "/")),
            Entries("SpecimenIdentifier").Where(e => e.EntityId.StartsWith(key + "/")),
        };
        sources.AddRange(ByIds("SpecimenEvent", events.Select(e => Key(e.Value))));
        return new Outcome<SpecimenLedger>.Ok(new SpecimenLedger(specimen, await PageAsync(sources, before, ct)));
    }

    public async Task<Outcome<TransferLedger>> TransferAsync(Guid id, long? before, CancellationToken ct)
    {
        var read = await transfers.GetAsync(id, ct);
        if (read is not Outcome<TransferView>.Ok { Value: var transfer })
            return read.As<TransferLedger>();
        var transferId = new TransferId(id);
        var key = Key(id);
        var documents = await db.TransferDocuments.AsNoTracking().Where(d => d.TransferId == transferId).Select(d => d.Id).ToListAsync(ct);
        var overrides = await db.WarningOverrides.AsNoTracking().Where(o => o.TransferId == transferId).Select(o => o.Id).ToListAsync(ct);
        var sources = new List<IQueryable<LedgerEntry>>
        {
            Entries("Transfer").Where(e => e.EntityId == key),
            Entries("TransferJourney").Where(e => e.EntityId == key),
            Entries("TransferLine").Where(e => e.EntityId.StartsWith(key + "/")),
            Entries("TransferStep").Where(e => e.EntityId.StartsWith(key + "/")),
        };
        var documentKeys = documents.Select(d => Key(d.Value)).ToList();
        sources.AddRange(ByIds("TransferDocument", documentKeys));
        sources.AddRange(documentKeys.Select(d => Entries("DocumentCoverage").Where(e => e.EntityId.StartsWith(d + "/"))));
        sources.AddRange(ByIds("WarningOverride", overrides.Select(Key)));
        return new Outcome<TransferLedger>.Ok(new TransferLedger(transfer, await PageAsync(sources, before, ct)));
    }

    public async Task<Outcome<UserLedger>> UserAsync(string userName, long? before, CancellationToken ct)
    {
        var read = await accounts.GetUserAsync(userName, ct);
        if (read is not Outcome<UserView>.Ok { Value: var user })
            return read.As<UserLedger>();
        var key = Key(user.Id);
        // Memberships and tokens may be gone from their tables: their entries are found by the user they name.
        var mention = $"\"UserId\":\"{key}\"";
        var sources = new List<IQueryable<LedgerEntry>>
        {
            Entries("User").Where(e => e.EntityId == key),
            Entries("IdentityUserToken`1").Where(e => e.EntityId.StartsWith(key + "/")),
        };
        foreach (var type in new[] { "Membership", "ApiToken", "SignInRecord" })
            sources.Add(Entries(type).Where(e => (e.After != null && e.After.Contains(mention)) || (e.Before != null && e.Before.Contains(mention))));
        return new Outcome<UserLedger>.Ok(new UserLedger(user, await PageAsync(sources, before, ct)));
    }

    /// <summary>The same verification as <c>menagerie audit verify</c>, for the administrator: the chain, then the records against it.</summary>
    public async Task<Outcome<LedgerVerdict>> VerifyAsync(CancellationToken ct)
    {
        if (!access.IsAdministrator)
            return new Outcome<LedgerVerdict>.Forbidden("The ledger is verified by an administrator.");
        var report = await verifier.VerifyAsync(ct);
        if (report.BrokenAt is null && report.Records?.FirstDifference is { } row)
            return new Outcome<LedgerVerdict>.Ok(new LedgerVerdict(report, row.EntityType, row.EntityId));
        var broken = report.BrokenAt is { } at
            ? await db.LedgerEntries.AsNoTracking().Where(e => e.Sequence == at).OrderBy(e => e.Sequence).Select(e => new { e.EntityType, e.EntityId }).FirstOrDefaultAsync(ct)
            : null;
        return new Outcome<LedgerVerdict>.Ok(new LedgerVerdict(report, broken?.EntityType, broken?.EntityId));
    }

    private IQueryable<LedgerEntry> Entries(string type) => db.LedgerEntries.AsNoTracking().Where(e => e.EntityType == type);

    private IEnumerable<IQueryable<LedgerEntry>> ByIds(string type, IEnumerable<string> keys) =>
        keys.Chunk(IdsPerQuery).Select(chunk => Entries(type).Where(e => chunk.Contains(e.EntityId)));

    /// <summary>The newest page of entries from all the sources, each source asked only for as many as a page holds.</summary>
    private async Task<LedgerPage> PageAsync(IReadOnlyList<IQueryable<LedgerEntry>> sources, long? before, CancellationToken ct)
    {
        var found = new List<LedgerEntry>();
        foreach (var source in sources)
        {
            var query = before is { } b ? source.Where(e => e.Sequence < b) : source;
            found.AddRange(await query.OrderByDescending(e => e.Sequence).Take(PageSize + 1).ToListAsync(ct));
        }
        var newest = found.DistinctBy(e => e.Sequence).OrderByDescending(e => e.Sequence).Take(PageSize + 1).ToList();
        var more = newest.Count > PageSize;
        var page = newest.Take(PageSize).Select(LedgerEntryView.Of).ToList();
        return new LedgerPage(await NamedAsync(page, ct), more ? page[^1].Sequence : null);
    }

    /// <summary>Institutions and taxa named where an entry holds their ids (a holder, an owner, a line's taxon).</summary>
    private async Task<List<LedgerEntryView>> NamedAsync(List<LedgerEntryView> page, CancellationToken ct)
    {
        var ids = page.SelectMany(e => e.Changes).SelectMany(c => new[] { c.Before, c.After })
            .Select(v => Guid.TryParse(v, out var id) ? id : (Guid?)null).OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0)
            return page;
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var chunk in ids.Chunk(IdsPerQuery))
        {
            var institutions = chunk.Select(id => new InstitutionId(id)).ToList();
            var taxa = chunk.Select(id => new TaxonId(id)).ToList();
            foreach (var i in await db.Institutions.AsNoTracking().Where(i => institutions.Contains(i.Id)).Select(i => new { i.Id, i.Code }).ToListAsync(ct))
                names[Key(i.Id.Value)] = i.Code;
            foreach (var t in await db.Taxa.AsNoTracking().Where(t => taxa.Contains(t.Id)).Select(t => new { t.Id, t.ScientificName }).ToListAsync(ct))
                names[Key(t.Id.Value)] = t.ScientificName;
        }
        if (names.Count == 0)
            return page;
        return page.Select(e => e with
        {
            Changes = e.Changes.Select(c => c with { BeforeName = Name(c.Before), AfterName = Name(c.After) }).ToList(),
        }).ToList();

        string? Name(string? value) => value is not null && names.TryGetValue(value, out var name) ? name : null;
    }

    /// <summary>An id as the ledger writes it in an entry's key.</summary>
    private static string Key(Guid id) => id.ToString("D");
}
