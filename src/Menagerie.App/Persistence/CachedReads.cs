using Menagerie.App.Accounts;

namespace Menagerie.App.Persistence;

/// <summary>
/// Answers to reads of the records (an animal, an institution, a transfer, a page of animals) as a person with
/// given memberships saw them, under the ledger's head: any change to the records forgets them all. At most 50,000
/// records' worth (some 50 MB), however many pages a client asks for.
/// </summary>
public sealed class ReadCache(TimeProvider time) : StampedCache<object>(time, capacity: 50_000);

/// <summary>
/// Serves a read from <see cref="ReadCache"/> while the ledger has not moved since the request began (its head is
/// read with the access stamp as the person is signed in): a request that saved anything reads the database again,
/// and so does a command line, which reads no stamp.
/// </summary>
public sealed class CachedReads(MenagerieDbContext db, ReadCache cache, Access access)
{
    /// <summary>Longer descriptions of a read (a reference or filter typed by a client) are read, not kept.</summary>
    public const int MaxKeyLength = 300;

    /// <param name="what">What is read, with everything that decides the answer but the person's memberships.</param>
    /// <param name="read">Reads it from the database.</param>
    /// <param name="weight">How many records the answer holds (one unless named).</param>
    public async Task<T> GetAsync<T>(string what, Func<Task<T>> read, Func<T, int>? weight = null)
        where T : class
    {
        if (db.LedgerHeadRead is not { } head || what.Length > MaxKeyLength)
            return await read();
        var key = what + "\n" + access.Signature;
        if (cache.Find(head, key) is T known)
            return known;
        var value = await read();
        if (db.LedgerHeadRead == head)
            cache.Keep(head, key, value, weight?.Invoke(value) ?? 1);
        return value;
    }
}
