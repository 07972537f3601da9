using System.Collections.Concurrent;

namespace Menagerie.App.Persistence;

/// <summary>
/// Values read while a stamp (a row in the database that moves with every change to what they were read from) had
/// a given value: each is looked up only under the stamp it was read under, so a change committed anywhere is seen
/// on the next request. A change made to the database by hand, outside Menagerie, moves no stamp: values are read
/// afresh at least every <see cref="MaxAge"/> for that. At most <paramref name="capacity"/> is kept, counted in
/// what each value weighs (a page of a hundred animals weighs a hundred), so that memory stays bounded.
/// </summary>
public abstract class StampedCache<T>(TimeProvider time, int capacity)
    where T : class
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private sealed class Generation(long stamp, long started)
    {
        public long Stamp { get; } = stamp;
        public long Started { get; } = started;
        public ConcurrentDictionary<string, T> Values { get; } = new(StringComparer.Ordinal);
        public long Weight;
    }

    private Generation? _current;

    public T? Find(long stamp, string key) =>
        Volatile.Read(ref _current) is { } g && g.Stamp == stamp && !Expired(g) && g.Values.TryGetValue(key, out var value) ? value : null;

    public void Keep(long stamp, string key, T value, int weight = 1)
    {
        var current = Volatile.Read(ref _current);
        if (current is null || current.Stamp != stamp || Expired(current))
        {
            var next = new Generation(stamp, time.GetTimestamp());
            current = Interlocked.CompareExchange(ref _current, next, current) == current ? next : Volatile.Read(ref _current);
        }
        if (current is null || current.Stamp != stamp)
            return;
        // Counted before it is kept, and given back when there is no room, so that requests at once never overfill it.
        if (Interlocked.Add(ref current.Weight, weight) <= capacity)
            current.Values[key] = value;
        else
            Interlocked.Add(ref current.Weight, -weight);
    }

    private bool Expired(Generation g) => time.GetElapsedTime(g.Started) > MaxAge;
}
