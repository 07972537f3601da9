using Menagerie.App.Persistence;
using Menagerie.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using static Menagerie.App.Tests.Given;

namespace Menagerie.App.Tests.Persistence;

/// <summary>
/// A bulk load binds its values by position (<see cref="SqliteValues"/>) where EF Core's saving binds parameters
/// through Microsoft.Data.Sqlite: a row must be stored the same either way, byte for byte, or queries comparing
/// stored text (ids, dates) would see two kinds of rows. Each value is stored both ways side by side and compared
/// with SQLite's own <c>typeof</c> and <c>quote</c>.
/// </summary>
public sealed class SqliteValuesTests
{
    [Fact]
    public async Task Every_value_of_the_sample_is_stored_as_Microsoft_Data_Sqlite_stores_it()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var db = TestDatabase.Open(database.Options);
        foreach (var type in db.Model.GetEntityTypes().Where(t => t.GetTableName() is not null && !t.IsOwned()))
        {
            var rows = (IQueryable<object>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(type.ClrType).Invoke(db, null)!;
            await rows.LoadAsync(Ct);
        }
        var values = db.ChangeTracker.Entries()
            .SelectMany(e => e.Properties.Select(p => (Mapping: (RelationalTypeMapping)p.Metadata.GetRelationalTypeMapping(), p.CurrentValue)))
            .ToList();

        Assert.True(values.Count > 50_000);
        await AssertStoredAlikeAsync(db, values);
    }

    [Fact]
    public async Task Every_column_type_of_the_model_is_stored_as_Microsoft_Data_Sqlite_stores_it_at_its_edges()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = TestDatabase.Open(database.Options);
        var mappings = db.Model.GetEntityTypes().SelectMany(t => t.GetProperties())
            .Select(p => (RelationalTypeMapping)p.GetRelationalTypeMapping())
            .DistinctBy(m => (m.GetType(), m.Converter?.GetType(), m.ClrType))
            .ToList();
        var values = new List<(RelationalTypeMapping Mapping, object? Value)>();
        foreach (var mapping in mappings)
        {
            var provider = mapping.Converter?.ProviderClrType ?? mapping.ClrType;
            foreach (var edge in Edges(Nullable.GetUnderlyingType(provider) ?? provider))
            {
                if (Held(mapping, edge, out var value))
                    values.Add((mapping, value));
            }
        }

        Assert.True(mappings.Count > 10);
        await AssertStoredAlikeAsync(db, values);
    }

    /// <summary>The value of the mapped type stored as <paramref name="edge"/>, unless it cannot hold it (an enum's names).</summary>
    private static bool Held(RelationalTypeMapping mapping, object? edge, out object? value)
    {
        try
        {
            value = edge is null ? null : mapping.Converter?.ConvertFromProvider(edge) ?? edge;
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException or OverflowException)
        {
            value = null;
            return false;
        }
    }

    private static IEnumerable<object?> Edges(Type provider) => provider switch
    {
        _ when provider == typeof(string) => [null, "", "Panthera leo", "it's \"quoted\"", "Пантера 사자 🦁", "line\nbreak"],
        _ when provider == typeof(Guid) => [Guid.Empty, Guid.CreateVersion7(), Guid.Parse("0123abcd-ef01-4567-89ab-cdef01234567")],
        _ when provider == typeof(DateTime) => [new DateTime(2024, 11, 20, 0, 0, 0, DateTimeKind.Utc), new DateTime(638_999_999_999_999_999, DateTimeKind.Utc), new DateTime(2026, 12, 7, 13, 48, 30, 219, DateTimeKind.Utc).AddTicks(1_500), DateTime.MinValue],
        _ when provider == typeof(DateTimeOffset) => [new DateTimeOffset(2024, 11, 20, 8, 15, 30, TimeSpan.FromHours(3)).AddTicks(1_234_567), DateTimeOffset.UnixEpoch],
        _ when provider == typeof(DateOnly) => [new DateOnly(1, 1, 1), new DateOnly(2024, 2, 29), new DateOnly(9999, 12, 31)],
        _ when provider == typeof(decimal) => [0m, 66.7m, 1.500m, -3.25m, 12_345_678.1234m, 0.0001m, decimal.MaxValue],
        _ when provider == typeof(bool) => [true, false],
        _ when provider == typeof(int) => [0, -1, int.MaxValue, int.MinValue],
        _ when provider == typeof(long) => [0L, long.MaxValue, long.MinValue],
        _ when provider == typeof(short) => [(short)0, short.MaxValue],
        _ when provider == typeof(byte) => [(byte)0, byte.MaxValue],
        _ when provider == typeof(double) => [0.0, 1.5, -2.25e-10],
        _ when provider == typeof(byte[]) => [Array.Empty<byte>(), new byte[] { 0, 1, 254, 255 }],
        _ => throw new NotSupportedException($"No edge values for {provider.Name}: add some, then the binder if it needs to."),
    };

    /// <summary>Stores each value by a Microsoft.Data.Sqlite parameter of its mapping and by position, and compares.</summary>
    private static async Task AssertStoredAlikeAsync(MenagerieDbContext db, IReadOnlyList<(RelationalTypeMapping Mapping, object? Value)> values)
    {
        await db.Database.OpenConnectionAsync(Ct);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TEMP TABLE stored (id INTEGER PRIMARY KEY, expected, actual)";
            await create.ExecuteNonQueryAsync(Ct);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        await using var parameter = connection.CreateCommand();
        parameter.CommandText = "INSERT INTO stored (id, expected) VALUES (@id, @value)";
        using var positional = SqliteValues.Prepare(connection, "UPDATE stored SET actual = ? WHERE id = ?");
        for (var i = 0; i < values.Count; i++)
        {
            var (mapping, value) = values[i];
            parameter.Parameters.Clear();
            parameter.Parameters.AddWithValue("@id", i);
            parameter.Parameters.Add(mapping.CreateParameter(parameter, "@value", value));
            await parameter.ExecuteNonQueryAsync(Ct);

            var provided = value is null ? null : mapping.Converter?.ConvertToProvider(value) ?? value;
            SqliteValues.Bind(connection, positional, 1, provided, SqliteValues.TypeOf(mapping));
            SqliteValues.Bind(connection, positional, 2, (long)i, SqliteType.Integer);
            SqliteValues.Run(connection, positional);
        }

        await using var differing = connection.CreateCommand();
        differing.CommandText = "SELECT id, typeof(expected), quote(expected), typeof(actual), quote(actual) FROM stored WHERE typeof(expected) IS NOT typeof(actual) OR quote(expected) IS NOT quote(actual) LIMIT 10";
        var problems = new List<string>();
        await using (var reader = await differing.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct))
                problems.Add($"{values[reader.GetInt32(0)].Mapping.GetType().Name}: {reader.GetString(1)} {reader.GetString(2)} by parameter, {reader.GetString(3)} {reader.GetString(4)} by position");
        }
        Assert.Empty(problems);
    }
}
