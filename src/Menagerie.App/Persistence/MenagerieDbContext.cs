using Menagerie.App.Accounts;
using Menagerie.App.Compliance.Reference;
using Menagerie.App.Installations;
using Menagerie.App.Ledger;
using Menagerie.App.Transfers;
using Menagerie.Domain.Institutions;
using Menagerie.Domain.Specimens;
using Menagerie.Domain.Taxa;
using Menagerie.Domain.Transfers;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Menagerie.App.Persistence;

/// <summary>
/// The collection records. Every save appends ledger entries in the same transaction and bumps the
/// version of every changed record; a provider subclass supplies its migrations and the chain-head lock.
/// </summary>
public abstract class MenagerieDbContext : IdentityUserContext<User, Guid>
{
    private readonly Actor _actor;
    private readonly TimeProvider _time;
    private string? _reason;

    protected MenagerieDbContext(DbContextOptions options, Actor actor, TimeProvider time)
        : base(options)
    {
        _actor = actor;
        _time = time;
    }

    public DbSet<Country> Countries => Set<Country>();
    public DbSet<Institution> Institutions => Set<Institution>();
    public DbSet<Taxon> Taxa => Set<Taxon>();
    public DbSet<Specimen> Specimens => Set<Specimen>();
    public DbSet<SpecimenEvent> SpecimenEvents => Set<SpecimenEvent>();
    public DbSet<HoldingPeriod> HoldingPeriods => Set<HoldingPeriod>();
    public DbSet<App.Specimens.CensusChange> CensusChanges => Set<App.Specimens.CensusChange>();
    public DbSet<SpecimenIdentifier> SpecimenIdentifiers => Set<SpecimenIdentifier>();
    public DbSet<Transfer> Transfers => Set<Transfer>();
    public DbSet<TransferLine> TransferLines => Set<TransferLine>();
    public DbSet<TransferStep> TransferSteps => Set<TransferStep>();
    public DbSet<Menagerie.Domain.Documents.TransferDocument> TransferDocuments => Set<Menagerie.Domain.Documents.TransferDocument>();
    public DbSet<IdempotentRequest> IdempotentRequests => Set<IdempotentRequest>();
    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();
    public DbSet<LedgerHead> LedgerHeads => Set<LedgerHead>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<AccessStamp> AccessStamps => Set<AccessStamp>();
    public DbSet<SignInRecord> SignIns => Set<SignInRecord>();
    public DbSet<InstallationKey> InstallationKeys => Set<InstallationKey>();
    public DbSet<TrustedInstallation> TrustedInstallations => Set<TrustedInstallation>();
    public DbSet<Menagerie.Domain.Compliance.WarningOverride> WarningOverrides => Set<Menagerie.Domain.Compliance.WarningOverride>();
    public DbSet<Transport.TransferJourney> TransferJourneys => Set<Transport.TransferJourney>();
    public DbSet<Transport.LicensedContainerTable> LicensedContainerTables => Set<Transport.LicensedContainerTable>();
    public DbSet<ChecklistEdition> ChecklistEditions => Set<ChecklistEdition>();
    public DbSet<ChecklistName> ChecklistNames => Set<ChecklistName>();
    public DbSet<ChecklistListingRecord> ChecklistListings => Set<ChecklistListingRecord>();
    public DbSet<TradeSuspensionRecord> TradeSuspensions => Set<TradeSuspensionRecord>();
    public DbSet<ExportQuotaRecord> ExportQuotas => Set<ExportQuotaRecord>();
    public DbSet<Studbooks.Studbook> Studbooks => Set<Studbooks.Studbook>();
    public DbSet<Studbooks.StudbookIndividual> StudbookIndividuals => Set<Studbooks.StudbookIndividual>();

    /// <summary>The person or process whose changes this context records.</summary>
    public string ActorName => _actor.Name;

    /// <summary>"Now" for records written through this context: UTC, to the microsecond that both providers store.</summary>
    public DateTime UtcNow => Instants.Truncate(_time.GetUtcNow().UtcDateTime);

    /// <summary>
    /// The ledger's head (its hash) as read when the person behind this request was signed in, under which reads
    /// may be served from memory (<see cref="CachedReads"/>); forgotten by any save, after which they are not.
    /// </summary>
    internal long? LedgerHeadRead { get; set; }

    /// <summary>Saves with the reason the ledger records for every entry of this change.</summary>
    public async Task<int> SaveChangesAsync(string? reason, CancellationToken cancellationToken)
    {
        _reason = reason;
        try
        {
            return await SaveChangesAsync(cancellationToken);
        }
        finally
        {
            _reason = null;
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Menagerie saves asynchronously, through the ledger.");

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        LedgerHeadRead = null;
        AccessStamp.TouchIfAccessChanges(this);
        Versioning.Bump(ChangeTracker);
        if (!LedgerCapture.HasChanges(ChangeTracker))
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        if (Database.CurrentTransaction is not null)
            return await AppendAndSaveAsync(acceptAllChangesOnSuccess, cancellationToken);

        // A transient failure (a PostgreSQL restart) retries the whole append: the chain head is read again, and
        // the rows are saved again, as they were never accepted.
        var written = await Database.CreateExecutionStrategy().ExecuteAsync(async attempt =>
        {
            await using var transaction = await Database.BeginTransactionAsync(attempt);
            try
            {
                var saved = await AppendAndSaveAsync(acceptAllChangesOnSuccess: false, attempt);
                await transaction.CommitAsync(attempt);
                return saved;
            }
            catch
            {
                // Entries of an attempt that failed are dropped, so that a retry appends them after the head as it then is,
                // and so are its census changes, so that a retry adds them to the rows as they then are.
                foreach (var entry in ChangeTracker.Entries<LedgerEntry>().Where(e => e.State == EntityState.Added).ToList())
                    entry.State = EntityState.Detached;
                foreach (var entry in ChangeTracker.Entries<App.Specimens.CensusChange>().ToList())
                    entry.State = EntityState.Detached;
                throw;
            }
        }, cancellationToken);
        if (acceptAllChangesOnSuccess)
            ChangeTracker.AcceptAllChanges();
        return written;
    }

    /// <summary>Appends one ledger entry per tracked change after the locked chain head, and saves them with the changes.</summary>
    private async Task<int> AppendAndSaveAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        LedgerHead? head = null;
        try
        {
            head = await LockChainHeadAsync(cancellationToken);
            await (await App.Specimens.PeriodCensus.OfTrackedAsync(this, cancellationToken)).ApplyAsync(this, cancellationToken);
            var changes = LedgerCapture.Capture(ChangeTracker, LedgerCapture.HasSecrets(ChangeTracker) ? head.EnsureSecretKey() : head.SecretKey);
            var now = UtcNow;
            foreach (var change in changes)
            {
                var entry = LedgerEntry.Create(
                    head.Sequence + 1, now, _actor.Name, change.EntityType, change.EntityId, change.Action,
                    change.Before, change.After, _reason, head.Hash);
                LedgerEntries.Add(entry);
                head.Advance(entry);
            }
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            // The head is read afresh, under lock, by every save; a tracked copy would go stale.
            if (head is not null)
                Entry(head).State = EntityState.Detached;
        }
    }

    /// <summary>
    /// Saves the rows added since the last save — new rows only, such as a bulk load's — as a save would: their
    /// versions set, one ledger entry each after the locked chain head, for the same reason; but each table's rows
    /// written together (<see cref="RowInserter"/>) rather than by EF Core, row by row. Runs in
    /// the caller's transaction, which makes it all or nothing; leaves nothing tracked. The census changes of the new
    /// rows are added to <paramref name="census"/>, for the caller to apply once in the same transaction after its last
    /// part (the parts of a load share most of their census rows).
    /// </summary>
    internal async Task<int> InsertAddedAsync(string reason, App.Specimens.PeriodCensus census, CancellationToken cancellationToken)
    {
        if (Database.CurrentTransaction is null)
            throw new InvalidOperationException("Rows are inserted inside the caller's transaction.");
        LedgerHeadRead = null;
        var detecting = ChangeTracker.AutoDetectChangesEnabled;
        // What is tracked was added, not changed: there is nothing for EF Core to detect, row by row, on every look.
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var added = ChangeTracker.Entries().ToList();
            if (added.Exists(e => e.State != EntityState.Added))
                throw new InvalidOperationException("Only new rows are inserted this way; a change to a row is saved by SaveChangesAsync.");
            Versioning.Bump(ChangeTracker);
            var head = await LockChainHeadAsync(cancellationToken);
            census.Include(await App.Specimens.PeriodCensus.OfTrackedAsync(this, cancellationToken));
            var changes = LedgerCapture.Capture(ChangeTracker, LedgerCapture.HasSecrets(ChangeTracker) ? head.EnsureSecretKey() : head.SecretKey);
            var now = UtcNow;
            var entries = new List<LedgerEntry>(changes.Count);
            foreach (var change in changes)
            {
                var entry = LedgerEntry.Create(
                    head.Sequence + 1, now, _actor.Name, change.EntityType, change.EntityId, change.Action,
                    change.Before, change.After, reason, head.Hash);
                entries.Add(entry);
                head.Advance(entry);
            }

            var inserter = new RowInserter(this);
            var byType = added.GroupBy(e => e.Metadata).ToDictionary(g => g.Key, g => g.ToList());
            foreach (var type in RowInserter.InInsertOrder(byType.Keys))
                await inserter.InsertAsync(type, byType[type], static (row, property) => row.CurrentValues[property], cancellationToken);
            await inserter.InsertAsync(Model.FindEntityType(typeof(LedgerEntry))!, entries, static (row, property) => property.GetGetter().GetClrValue(row), cancellationToken);

            // The head is the row updated: saved by EF Core, once the new rows are no longer tracked.
            ChangeTracker.Clear();
            LedgerHeads.Attach(head).State = EntityState.Modified;
            await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, cancellationToken);
            ChangeTracker.Clear();
            return added.Count + entries.Count;
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detecting;
        }
    }

    /// <summary>Reads the chain head inside the current transaction, locked against other writers until it commits.</summary>
    protected abstract Task<LedgerHead> LockChainHeadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Begins a read-only transaction in which every query sees the database as it was at its first read, and no
    /// writer is held up: the ledger and the records are then compared as of one instant. Disposing it ends it.
    /// </summary>
    internal abstract Task<IAsyncDisposable> BeginSnapshotAsync(CancellationToken cancellationToken);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MenagerieDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Menagerie.Domain.InstitutionId>().HaveConversion<IdConverters.InstitutionIdConverter>();
        configurationBuilder.Properties<Menagerie.Domain.TaxonId>().HaveConversion<IdConverters.TaxonIdConverter>();
        configurationBuilder.Properties<Menagerie.Domain.SpecimenId>().HaveConversion<IdConverters.SpecimenIdConverter>();
        configurationBuilder.Properties<Menagerie.Domain.TransferId>().HaveConversion<IdConverters.TransferIdConverter>();
        configurationBuilder.Properties<Menagerie.Domain.DocumentId>().HaveConversion<IdConverters.DocumentIdConverter>();
        configurationBuilder.Properties<Menagerie.Domain.EventId>().HaveConversion<IdConverters.EventIdConverter>();
        configurationBuilder.Properties<SexCounts>().HaveConversion<IdConverters.SexCountsConverter>();
        configurationBuilder.Properties<DateTime>().HaveConversion<IdConverters.UtcDateTimeConverter>();
    }
}

/// <summary>Who is making the changes a context records: a signed-in user, or the operator of the command line.</summary>
public sealed class Actor
{
    public string Name { get; set; } = "system";
}

public static class Instants
{
    /// <summary>Truncates to whole microseconds, the precision PostgreSQL keeps, so a stored instant reads back equal.</summary>
    public static DateTime Truncate(DateTime utc) => new(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);

    /// <summary>A client's instant as UTC: one written without an offset is taken as UTC, as the API documents, never as the server's local time.</summary>
    public static DateTime FromClient(DateTime instant) =>
        Truncate(instant.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(instant, DateTimeKind.Utc) : instant.ToUniversalTime());
}
