using System.Collections.Concurrent;

namespace Menagerie.App.Persistence;

/// <summary>
/// Values read while a stamp (a row in the database that moves with every change to what they were read from) had
/// a given value: each is looked up only under the stamp it was read under, so a change committed anywhere is seen
/// on the next request. A change made to the database by hand, outside Menagerie, moves no stamp: values are read
/// afresh at least every <see cref="MaxAge"/> for that.
/// </summary>
public abstract class StampedCache<T>(TimeProvider time)
    where T : class
{
    public const int Capacity = 10_000;

    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private sealed record Generation(long Stamp, long Started, ConcurrentDictionary<string, T> Values);

    private Generation? _current;

    public T? Find(long stamp, string key) =>
        Volatile.Read(ref _current) is { } g && g.Stamp == stamp && !Expired(g) && g.Values.TryGetValue(key, out var value) ? value : null;

    public void Keep(long stamp, string key, T value)
    {
        var current = Volatile.Read(ref _current);
        if (current is null || current.Stamp != stamp || Expired(current))
        {
            var next = new Generation(stamp, time.GetTimestamp(), new(StringComparer.Ordinal));
            current = Interlocked.CompareExchange(ref _current, next, current) == current ? next : Volatile.Read(ref _current);
        }
        if (current is not null && current.Stamp == stamp && current.Values.Count < Capacity)
            current.Values[key] = value;
    }

    private bool Expired(Generation g) => time.GetElapsedTime(g.Started) > MaxAge;
}
