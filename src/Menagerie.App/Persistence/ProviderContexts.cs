using Menagerie.App.Ledger;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Menagerie.App.Persistence;

/// <summary>The embedded default: one SQLite file. Writers are serialised by SQLite's own lock (transactions begin IMMEDIATE).</summary>
public sealed class SqliteMenagerieDbContext(DbContextOptions<SqliteMenagerieDbContext> options, Actor actor, TimeProvider time)
    : MenagerieDbContext(options, actor, time)
{
    protected override Task<LedgerHead> LockChainHeadAsync(CancellationToken cancellationToken) =>
        LedgerHeads.SingleAsync(h => h.Id == LedgerHead.SingletonId, cancellationToken);

    /// <summary>A deferred transaction: in WAL mode it reads one snapshot and, unlike BEGIN IMMEDIATE, does not lock out writers.</summary>
    internal override async Task<IAsyncDisposable> BeginSnapshotAsync(CancellationToken cancellationToken)
    {
        await Database.OpenConnectionAsync(cancellationToken);
        var transaction = ((SqliteConnection)Database.GetDbConnection()).BeginTransaction(deferred: true);
        await Database.UseTransactionAsync(transaction, cancellationToken);
        return new Snapshot(this, transaction);
    }

    private sealed class Snapshot(SqliteMenagerieDbContext db, SqliteTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await db.Database.UseTransactionAsync(null);
            await transaction.DisposeAsync();
            await db.Database.CloseConnectionAsync();
        }
    }
}

/// <summary>The scale path. The chain head row is locked FOR UPDATE so concurrent transactions append one after another.</summary>
public sealed class PostgresMenagerieDbContext(DbContextOptions<PostgresMenagerieDbContext> options, Actor actor, TimeProvider time)
    : MenagerieDbContext(options, actor, time)
{
    protected override Task<LedgerHead> LockChainHeadAsync(CancellationToken cancellationToken) =>
        LedgerHeads.FromSql($"""SELECT * FROM "LedgerHeads" WHERE "Id" = {LedgerHead.SingletonId} FOR UPDATE""")
            .SingleAsync(cancellationToken);

    internal override async Task<IAsyncDisposable> BeginSnapshotAsync(CancellationToken cancellationToken) =>
        await Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
}

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMenagerieDbContext>
{
    public SqliteMenagerieDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteMenagerieDbContext>().UseSqlite("Data Source=design.db").Options, new Actor(), TimeProvider.System);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresMenagerieDbContext>
{
    public PostgresMenagerieDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresMenagerieDbContext>().UseNpgsql("Host=localhost;Database=menagerie_design").Options, new Actor(), TimeProvider.System);
}
