using Microsoft.EntityFrameworkCore.Storage;

namespace Menagerie.App.Persistence;

internal static class StoredValues
{
    /// <summary>
    /// The value as the database stores it, through its mapping's converter (an id as its Guid, counts as 1.2.0): what
    /// a bulk load writes and what the ledger records, which must agree.
    /// </summary>
    public static object? AsStored(this CoreTypeMapping mapping, object? value) =>
        value is null ? null : mapping.Converter?.ConvertToProvider(value) ?? value;
}
