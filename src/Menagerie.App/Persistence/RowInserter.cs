using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Menagerie.App.Persistence;

/// <summary>
/// Writes new rows of one table with the columns, conversions and types of the EF Core model, so that a row reads back
/// as EF Core would have written it: on PostgreSQL by one binary COPY, on SQLite by one prepared single-row INSERT
/// run again for each row. For bulk loads: EF Core's own saving prepares and tracks each row on its own, which costs
/// more than the writing.
/// </summary>
internal sealed class RowInserter(DbContext db)
{
    private readonly ISqlGenerationHelper _sql = db.GetService<ISqlGenerationHelper>();

    /// <summary>Inserts <paramref name="rows"/> of <paramref name="type"/>, each property's value read by <paramref name="value"/>, in the current transaction.</summary>
    public async Task InsertAsync<T>(IEntityType type, IReadOnlyList<T> rows, Func<T, IProperty, object?> value, CancellationToken ct)
    {
        if (rows.Count == 0)
            return;
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Rows are inserted inside the caller's transaction.");
        if (type.GetComplexProperties().Any() || type.GetNavigations().Any(n => n.TargetEntityType.IsOwned()))
            throw new NotSupportedException($"{type.DisplayName()} has owned or complex parts, which are not written by row.");
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var columns = type.GetProperties().Select(p => (Property: p, Column: p.GetColumnName(table)!, Mapping: (RelationalTypeMapping)p.GetRelationalTypeMapping())).ToList();
        var into = $"{_sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => _sql.DelimitIdentifier(c.Column)))})";
        if (db.Database.GetDbConnection() is NpgsqlConnection connection)
            await CopyAsync(connection, into, columns, rows, value, ct);
        else
            InsertOneByOne(into, columns, rows, value, ct);
    }

    /// <summary>
    /// PostgreSQL takes a table's rows as one stream in its binary format: no statement to parse or plan per row, and
    /// the server writes while the rows are still being sent.
    /// </summary>
    private static async Task CopyAsync<T>(
        NpgsqlConnection connection, string into, List<(IProperty Property, string Column, RelationalTypeMapping Mapping)> columns,
        IReadOnlyList<T> rows, Func<T, IProperty, object?> value, CancellationToken ct)
    {
        var copy = $"COPY {into} FROM STDIN (FORMAT BINARY)";
        var types = columns.Select(c => CopyType(c.Column, c.Mapping)).ToArray();
        await using var writer = await connection.BeginBinaryImportAsync(copy, ct);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(ct);
            for (var c = 0; c < columns.Count; c++)
            {
                var (property, _, mapping) = columns[c];
                if (mapping.AsStored(value(row, property)) is { } v)
                    await writer.WriteAsync(v, types[c], ct);
                else
                    await writer.WriteNullAsync(ct);
            }
        }
        await writer.CompleteAsync(ct);
    }

    /// <summary>
    /// The binary format has no room for a guess: each value is written as its column's type, named without its
    /// length or precision ("numeric", not "numeric(8,1)"). A type whose name goes on after them ("timestamp(3) with
    /// time zone", an array's "[]") is refused rather than written as another.
    /// </summary>
    private static string CopyType(string column, RelationalTypeMapping mapping)
    {
        var (full, name) = (mapping.StoreType, mapping.StoreTypeNameBase);
        return full == name || (full.StartsWith(name + "(", StringComparison.Ordinal) && full.EndsWith(')'))
            ? name
            : throw new NotSupportedException($"The column {column} ({full}) is not written by COPY: its type's name goes on after its size.");
    }

    /// <summary>
    /// On SQLite a statement writes one row, prepared once and run again for each, its values bound by position:
    /// Microsoft.Data.Sqlite would look each parameter up by name on every run, a tenth of a bulk load's CPU.
    /// <see cref="SqliteValues"/> binds each value as it would.
    /// </summary>
    private void InsertOneByOne<T>(
        string into, List<(IProperty Property, string Column, RelationalTypeMapping Mapping)> columns,
        IReadOnlyList<T> rows, Func<T, IProperty, object?> value, CancellationToken ct)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var types = columns.Select(c => SqliteValues.TypeOf(c.Mapping)).ToArray();
        var insert = $"INSERT INTO {into} VALUES ({string.Join(", ", columns.Select(_ => "?"))})";
        using var statement = SqliteValues.Prepare(connection, insert);
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            for (var c = 0; c < columns.Count; c++)
            {
                var (property, _, mapping) = columns[c];
                SqliteValues.Bind(connection, statement, c + 1, mapping.AsStored(value(row, property)), types[c]);
            }
            SqliteValues.Run(connection, statement);
        }
    }

    /// <summary>The entity types in an order in which every row's foreign keys name rows already written.</summary>
    public static List<IEntityType> InInsertOrder(IEnumerable<IEntityType> types)
    {
        var pending = types.Distinct().ToList();
        var ordered = new List<IEntityType>();
        while (pending.Count > 0)
        {
            var next = pending.FirstOrDefault(t => t.GetForeignKeys().All(k => k.PrincipalEntityType == t || !pending.Contains(k.PrincipalEntityType)))
                ?? throw new NotSupportedException("The rows' foreign keys go round in a circle: " + string.Join(", ", pending.Select(t => t.DisplayName())));
            ordered.Add(next);
            pending.Remove(next);
        }
        return ordered;
    }
}
