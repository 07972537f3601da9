using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Menagerie.App.Persistence;

/// <summary>
/// Writes new rows of one table by INSERT statements of many rows each, with the columns, conversions and parameter
/// types of the EF Core model, so that a row reads back as EF Core would have written it. For bulk loads: EF Core's
/// own saving prepares and tracks each row on its own, which costs more than the writing.
/// </summary>
internal sealed class RowInserter(DbContext db)
{
    /// <summary>
    /// How many rows a statement writes. SQLite finds each parameter by name in a list of the statement's, which makes
    /// a statement's cost grow with the square of its parameters: there a statement writes one row, prepared once and
    /// run again for each. On PostgreSQL a statement is a round trip: up to 5,000 parameters (its limit is 65,535).
    /// </summary>
    private int RowsPerStatement(int columns) => db.Database.IsSqlite() ? 1 : Math.Max(1, 5_000 / columns);

    private readonly ISqlGenerationHelper _sql = db.GetService<ISqlGenerationHelper>();

    /// <summary>Inserts <paramref name="rows"/> of <paramref name="type"/>, each property's value read by <paramref name="value"/>, in the current transaction.</summary>
    public async Task InsertAsync<T>(IEntityType type, IReadOnlyList<T> rows, Func<T, IProperty, object?> value, CancellationToken ct)
    {
        if (rows.Count == 0)
            return;
        if (type.GetComplexProperties().Any() || type.GetNavigations().Any(n => n.TargetEntityType.IsOwned()))
            throw new NotSupportedException($"{type.DisplayName()} has owned or complex parts, which are not written by row.");
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var columns = type.GetProperties().Select(p => (Property: p, Column: p.GetColumnName(table)!, Mapping: (RelationalTypeMapping)p.GetRelationalTypeMapping())).ToList();
        var perStatement = RowsPerStatement(columns.Count);
        DbCommand? full = null;
        try
        {
            for (var start = 0; start < rows.Count; start += perStatement)
            {
                var count = Math.Min(perStatement, rows.Count - start);
                if (count < perStatement)
                {
                    await using var last = Command(table, columns, rows, start, count, value);
                    await last.ExecuteNonQueryAsync(ct);
                }
                else if (full is null)
                {
                    full = Command(table, columns, rows, start, count, value);
                    await full.ExecuteNonQueryAsync(ct);
                }
                else
                {
                    // The same statement again, with the next rows' values: converted as the parameters' mappings convert.
                    for (var r = 0; r < count; r++)
                    {
                        for (var c = 0; c < columns.Count; c++)
                        {
                            var (property, _, mapping) = columns[c];
                            var v = value(rows[start + r], property);
                            full.Parameters[(r * columns.Count) + c].Value = (v is null ? null : mapping.Converter?.ConvertToProvider(v) ?? v) ?? DBNull.Value;
                        }
                    }
                    await full.ExecuteNonQueryAsync(ct);
                }
            }
        }
        finally
        {
            if (full is not null)
                await full.DisposeAsync();
        }
    }

    private DbCommand Command<T>(
        StoreObjectIdentifier table, List<(IProperty Property, string Column, RelationalTypeMapping Mapping)> columns,
        IReadOnlyList<T> rows, int start, int count, Func<T, IProperty, object?> value)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Rows are inserted inside the caller's transaction.");
        var text = new System.Text.StringBuilder($"INSERT INTO {_sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => _sql.DelimitIdentifier(c.Column)))}) VALUES ");
        for (var r = 0; r < count; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
            {
                var name = $"p{(r * columns.Count) + c}";
                // Named as the statement writes it ("@p0"): Microsoft.Data.Sqlite looks each name up on every run, and a
                // bare "p0" costs it four lookups (the name, then with each of three prefixes). Npgsql takes either.
                var placeholder = _sql.GenerateParameterNamePlaceholder(name);
                var (property, _, mapping) = columns[c];
                command.Parameters.Add(mapping.CreateParameter(command, placeholder, value(rows[start + r], property), property.IsNullable));
                text.Append(c == 0 ? "" : ", ").Append(placeholder);
            }
            text.Append(')');
        }
        command.CommandText = text.ToString();
        return command;
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
