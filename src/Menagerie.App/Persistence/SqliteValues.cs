using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace Menagerie.App.Persistence;

/// <summary>
/// Runs a prepared SQLite statement with its values bound by position, each stored exactly as Microsoft.Data.Sqlite
/// stores a parameter of EF Core's mapping (a Guid as upper-case text, an instant as "yyyy-MM-dd HH:mm:ss.FFFFFFF", a
/// decimal as text). <c>SqliteValuesTests</c> holds it to that for every column type of the model.
/// </summary>
internal static class SqliteValues
{
    /// <summary>The SQLite type EF Core's mapping gives its parameters, which decides how some values are stored.</summary>
    public static SqliteType TypeOf(RelationalTypeMapping mapping)
    {
        using var command = new SqliteCommand();
        return ((SqliteParameter)mapping.CreateParameter(command, "p", null)).SqliteType;
    }

    public static sqlite3_stmt Prepare(SqliteConnection connection, string sql)
    {
        var handle = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(handle, sql, out var statement), handle);
        return statement;
    }

    /// <summary>Binds <paramref name="value"/>, already converted to its provider type, as the <paramref name="index"/>th value (from 1).</summary>
    public static void Bind(SqliteConnection connection, sqlite3_stmt statement, int index, object? value, SqliteType type) =>
        Check(value switch
        {
            null or DBNull => raw.sqlite3_bind_null(statement, index),
            string text => raw.sqlite3_bind_text(statement, index, text),
            Guid id when type == SqliteType.Blob => raw.sqlite3_bind_blob(statement, index, id.ToByteArray()),
            Guid id => raw.sqlite3_bind_text(statement, index, id.ToString().ToUpperInvariant()),
            DateTime instant when type != SqliteType.Real => raw.sqlite3_bind_text(statement, index, instant.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)),
            DateTimeOffset instant when type != SqliteType.Real => raw.sqlite3_bind_text(statement, index, instant.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)),
            DateOnly day when type != SqliteType.Real => raw.sqlite3_bind_text(statement, index, day.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture)),
            decimal number when type != SqliteType.Real => raw.sqlite3_bind_text(statement, index, number.ToString("0.0###########################", CultureInfo.InvariantCulture)),
            bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
            int number => raw.sqlite3_bind_int64(statement, index, number),
            long number => raw.sqlite3_bind_int64(statement, index, number),
            short number => raw.sqlite3_bind_int64(statement, index, number),
            byte number => raw.sqlite3_bind_int64(statement, index, number),
            double number when double.IsNaN(number) => throw new InvalidOperationException("Cannot store NaN: SQLite would store it as NULL."),
            double number => raw.sqlite3_bind_double(statement, index, number),
            byte[] bytes => raw.sqlite3_bind_blob(statement, index, bytes),
            _ => throw new NotSupportedException($"A {value.GetType().Name} stored as {type} is not written by row."),
        }, connection.Handle!);

    /// <summary>Runs the statement once with the values bound, then readies it for the next.</summary>
    public static void Run(SqliteConnection connection, sqlite3_stmt statement)
    {
        var result = raw.sqlite3_step(statement);
        try
        {
            if (result != raw.SQLITE_DONE)
                Check(result, connection.Handle!);
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
    }

    private static void Check(int result, sqlite3 handle)
    {
        if (result != raw.SQLITE_OK)
            SqliteException.ThrowExceptionForRC(result, handle);
    }
}
