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

    // The generation before the current one is kept too: a request that read the stamp just before a change and
    // answers just after it keeps its value there, rather than throwing away what the newer requests keep.
    private sealed record Generations(Generation Current, Generation? Previous);

    private Generations? _generations;
    private readonly Lock _turning = new();

    public T? Find(long stamp, string key) =>
        Of(stamp) is { } g && g.Values.TryGetValue(key, out var value) ? value : null;

    public void Keep(long stamp, string key, T value, int weight = 1)
    {
        var generation = Of(stamp);
        if (generation is null)
        {
            lock (_turning)
            {
                generation = Of(stamp);
                if (generation is null)
                {
                    generation = new Generation(stamp, time.GetTimestamp());
                    Volatile.Write(ref _generations, new Generations(generation, _generations?.Current));
                }
            }
        }
        // Counted before it is kept, and given back when there is no room or it was kept already.
        if (Interlocked.Add(ref generation.Weight, weight) > capacity || !generation.Values.TryAdd(key, value))
            Interlocked.Add(ref generation.Weight, -weight);
    }

    private Generation? Of(long stamp)
    {
        if (Volatile.Read(ref _generations) is not { } generations)
            return null;
        var generation = generations.Current.Stamp == stamp ? generations.Current : generations.Previous?.Stamp == stamp ? generations.Previous : null;
        return generation is not null && time.GetElapsedTime(generation.Started) <= MaxAge ? generation : null;
    }
}
