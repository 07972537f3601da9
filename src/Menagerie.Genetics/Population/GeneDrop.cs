using Menagerie.Genetics.Pedigrees;

namespace Menagerie.Genetics.Population;

/// <summary>
/// Gene-drop simulation (MacCluer et al. 1986, <i>Zoo Biol.</i> 5:147–160): every unknown parent
/// gives a unique allele, each offspring receives one allele of each parent at random (Mendel's
/// first law), and the alleles of the reference population are counted.
/// </summary>
public static class GeneDrop
{
    /// <summary>
    /// Runs <paramref name="iterations"/> drops in parallel. Each iteration draws from its own
    /// generator seeded from (<paramref name="seed"/>, iteration), so results do not depend on the
    /// number of threads or their scheduling.
    /// </summary>
    /// <param name="pedigree">A validated pedigree.</param>
    /// <param name="reference">A non-empty reference population of this pedigree.</param>
    /// <param name="iterations">Number of drops, at least 2 (for a standard error).</param>
    /// <param name="seed">Seed of the whole run.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; -1 for all.</param>
    /// <param name="progress">Told how many iterations are done after each one, from whichever thread ran it.</param>
    /// <param name="cancellationToken">Stops the run between iterations.</param>
    /// <returns>Gene diversity with its standard error, and founder allele retention.</returns>
    public static GeneDropResult Run(
        Pedigree pedigree, ReferencePopulation reference, int iterations, ulong seed, int maxDegreeOfParallelism = -1, IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pedigree);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 2);
        reference.ThrowIfEmpty();
        var n = pedigree.Count;
        var diversity = new double[iterations];
        var retained = new long[2 * n];
        var gate = new Lock();
        var done = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.For(
            0,
            iterations,
            options,
            () => new Worker(pedigree, reference),
            (iteration, _, worker) =>
            {
                diversity[iteration] = worker.Drop(seed, (ulong)iteration);
                progress?.Report(Interlocked.Increment(ref done));
                return worker;
            },
            worker =>
            {
                lock (gate)
                {
                    worker.AddRetention(retained);
                }
            });

        return Summarise(pedigree, diversity, retained, iterations);
    }

    private static GeneDropResult Summarise(Pedigree pedigree, double[] diversity, long[] retained, int iterations)
    {
        var owners = new List<int>();
        var sides = new List<byte>();
        var retention = new List<double>();
        for (var i = 0; i < pedigree.Count; i++)
        {
            for (byte side = 0; side < 2; side++)
            {
                var parent = side == 0 ? pedigree.Sires[i] : pedigree.Dams[i];
                if (parent < 0)
                {
                    owners.Add(i);
                    sides.Add(side);
                    retention.Add(retained[(2 * i) + side] / (double)iterations);
                }
            }
        }

        return new GeneDropResult(diversity, [.. owners], [.. sides], [.. retention]);
    }

    /// <summary>Per-thread buffers: the two alleles of every individual and allele counts in the reference population.</summary>
    private sealed class Worker(Pedigree pedigree, ReferencePopulation reference)
    {
        private readonly int[] _alleles = new int[2 * pedigree.Count];
        private readonly int[] _counts = new int[2 * pedigree.Count];
        private readonly long[] _retained = new long[2 * pedigree.Count];
        private readonly List<int> _present = [];

        public double Drop(ulong seed, ulong iteration)
        {
            // Hashing (seed, iteration) into the start state keeps the iterations' streams apart;
            // SplitMix64 streams that start a multiple of its increment apart would be shifted copies.
            var random = new SplitMix64(SplitMix64.Mix(seed + SplitMix64.Mix(iteration + 1)));
            var sires = pedigree.Sires;
            var dams = pedigree.Dams;
            ulong bits = 0;
            var left = 0;
            for (var i = 0; i < sires.Length; i++)
            {
                if (left < 2)
                {
                    bits = random.Next();
                    left = 64;
                }

                // Allele 2i+side is the unique allele of an unknown parent of i.
                var s = sires[i];
                var d = dams[i];
                _alleles[2 * i] = s < 0 ? 2 * i : _alleles[(2 * s) + (int)(bits & 1)];
                _alleles[(2 * i) + 1] = d < 0 ? (2 * i) + 1 : _alleles[(2 * d) + (int)((bits >> 1) & 1)];
                bits >>= 2;
                left -= 2;
            }

            return CountReference();
        }

        public void AddRetention(long[] total)
        {
            for (var a = 0; a < total.Length; a++)
            {
                total[a] += _retained[a];
            }
        }

        private double CountReference()
        {
            foreach (var i in reference.Members)
            {
                Count(_alleles[2 * i]);
                Count(_alleles[(2 * i) + 1]);
            }

            var homozygosity = 0.0;
            var genes = 2.0 * reference.Count;
            foreach (var a in _present)
            {
                var q = _counts[a] / genes;
                homozygosity += q * q;
                _retained[a]++;
                _counts[a] = 0;
            }

            _present.Clear();
            return 1 - homozygosity;
        }

        private void Count(int allele)
        {
            if (_counts[allele]++ == 0)
            {
                _present.Add(allele);
            }
        }
    }

    /// <summary>SplitMix64 (Steele, Lea &amp; Flood 2014): tiny, fast, and reproducible on every platform.</summary>
    private struct SplitMix64(ulong state)
    {
        private ulong _state = state;

        public static ulong Mix(ulong z)
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        public ulong Next() => Mix(_state += 0x9E3779B97F4A7C15UL);
    }
}
