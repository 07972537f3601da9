using Menagerie.Genetics.Pedigrees;

namespace Menagerie.Genetics.Kinship;

/// <summary>Inbreeding coefficients of every individual of a pedigree.</summary>
public static class Inbreeding
{
    // Below this many distinct parent pairs in a generation, threads cost more than they save.
    private const int ParallelThreshold = 256;

    /// <summary>
    /// Inbreeding coefficient F(i) = f(sire, dam) of every individual, in pedigree order, by the
    /// method of Meuwissen &amp; Luo (1992), <i>Genet. Sel. Evol.</i> 24:305–313: with A = L D L′,
    /// A(i,i) = 1 + F(i) = Σ_j L(i,j)² D(j) over i and its ancestors j, where L(i,i) = 1,
    /// L(i,parent) accumulates ½·L(i,child), and the Mendelian sampling variance is
    /// D(j) = 1 − ¼ Σ_known parents p (1 + F(p)). Founders and individuals with one unknown parent
    /// have F = 0. Individuals are processed generation by generation (depth in the pedigree),
    /// each distinct sire × dam pair once (full sibs share F), the pairs of one generation in parallel.
    /// A sire mated to several dams in one generation is handled as in Sargolzaei, Iwaisaki &amp;
    /// Colleau (2005), <i>J. Anim. Breed. Genet.</i> 122:325–331: one column A(·, sire) = T D T′ e_sire
    /// over the ancestors of the sire and its mates (Colleau 2002), and F = ½ A(sire, dam) for each mate.
    /// </summary>
    /// <param name="pedigree">A validated pedigree.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; -1 for all processors. The result does not depend on it.</param>
    /// <returns>F of each individual, 0 ≤ F &lt; 1.</returns>
    public static double[] Compute(Pedigree pedigree, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(pedigree);
        var n = pedigree.Count;
        var f = new double[n];
        var d = new double[n];
        var (order, levelStarts) = PairsByGeneration(pedigree);
        var threads = maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount;
        var workers = new InbreedingWorker[Math.Max(1, threads)];
        var sires = pedigree.Sires.ToArray();
        var dams = pedigree.Dams.ToArray();
        for (var level = 0; level + 1 < levelStarts.Length; level++)
        {
            var start = levelStarts[level];
            var end = levelStarts[level + 1];

            // Parents belong to earlier generations, so their F — hence D of this generation — is final.
            for (var k = start; k < end; k++)
            {
                var i = order[k];
                d[i] = MendelianVariance(sires[i], dams[i], f);
            }

            var groups = FullSibGroups(order, start, end, sires, dams);
            var sireGroups = SireGroups(groups, order, sires);
            var count = sireGroups.Count - 1;
            if (groups.Count < ParallelThreshold || workers.Length == 1)
            {
                var worker = workers[0] ??= new InbreedingWorker(n, sires, dams, d);
                for (var g = 0; g < count; g++)
                {
                    worker.Solve(order, groups, sireGroups[g], sireGroups[g + 1], f);
                }

                continue;
            }

            var chunks = workers.Length;
            Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = chunks }, chunk =>
            {
                var worker = workers[chunk] ??= new InbreedingWorker(n, sires, dams, d);
                for (var g = chunk * count / chunks; g < (chunk + 1) * count / chunks; g++)
                {
                    worker.Solve(order, groups, sireGroups[g], sireGroups[g + 1], f);
                }
            });
        }

        return f;
    }

    /// <summary>
    /// Mendelian sampling variance of every individual (the diagonal D of A = T D T′):
    /// D(i) = 1 − ¼ Σ over known parents p of (1 + F(p)); 1 for a founder.
    /// Henderson (1976), <i>Biometrics</i> 32:69–83; Quaas (1976).
    /// </summary>
    /// <param name="pedigree">A validated pedigree.</param>
    /// <param name="inbreeding">F of every individual (from <see cref="Compute"/>).</param>
    /// <returns>D of each individual.</returns>
    public static double[] MendelianVariances(Pedigree pedigree, ReadOnlySpan<double> inbreeding)
    {
        ArgumentNullException.ThrowIfNull(pedigree);
        CheckLength(pedigree, inbreeding);
        var d = new double[pedigree.Count];
        for (var i = 0; i < d.Length; i++)
        {
            d[i] = MendelianVariance(pedigree.Sires[i], pedigree.Dams[i], inbreeding);
        }

        return d;
    }

    internal static void CheckLength(Pedigree pedigree, ReadOnlySpan<double> inbreeding)
    {
        if (inbreeding.Length != pedigree.Count)
        {
            throw new ArgumentException("One inbreeding coefficient per individual is needed.", nameof(inbreeding));
        }
    }

    private static double MendelianVariance(int sire, int dam, ReadOnlySpan<double> f)
    {
        var v = 1.0;
        if (sire >= 0)
        {
            v -= 0.25 * (1 + f[sire]);
        }

        if (dam >= 0)
        {
            v -= 0.25 * (1 + f[dam]);
        }

        return v;
    }

    /// <summary>
    /// All individuals sorted by generation (1 + the deeper parent's generation; founders 0) and,
    /// within a generation, by sire and dam, so that full sibs are adjacent.
    /// </summary>
    private static (int[] Order, int[] LevelStarts) PairsByGeneration(Pedigree pedigree)
    {
        var n = pedigree.Count;
        var depth = new int[n];
        var maxDepth = 0;
        for (var i = 0; i < n; i++)
        {
            var s = pedigree.Sires[i];
            var m = pedigree.Dams[i];
            depth[i] = 1 + Math.Max(s >= 0 ? depth[s] : -1, m >= 0 ? depth[m] : -1);
            maxDepth = Math.Max(maxDepth, depth[i]);
        }

        var levelStarts = new int[maxDepth + 2];
        foreach (var g in depth)
        {
            levelStarts[g + 1]++;
        }

        for (var g = 1; g < levelStarts.Length; g++)
        {
            levelStarts[g] += levelStarts[g - 1];
        }

        var order = new int[n];
        var keys = new long[n];
        var next = levelStarts[..^1];
        for (var i = 0; i < n; i++)
        {
            var k = next[depth[i]]++;
            order[k] = i;
            keys[k] = ((long)pedigree.Sires[i] << 32) | (uint)pedigree.Dams[i];
        }

        for (var g = 0; g + 1 < levelStarts.Length; g++)
        {
            var length = levelStarts[g + 1] - levelStarts[g];
            Array.Sort(keys, order, levelStarts[g], length);
        }

        return (order, levelStarts);
    }

    /// <summary>Ranges [first, last) of one generation sharing both (known) parents.</summary>
    private static List<(int First, int Last)> FullSibGroups(int[] order, int start, int end, int[] sires, int[] dams)
    {
        var groups = new List<(int, int)>();
        var k = start;
        while (k < end)
        {
            var i = order[k];
            var last = k + 1;
            while (last < end && sires[order[last]] == sires[i] && dams[order[last]] == dams[i])
            {
                last++;
            }

            if (sires[i] >= 0 && dams[i] >= 0)
            {
                groups.Add((k, last));
            }

            k = last;
        }

        return groups;
    }

    /// <summary>Starts of runs of full-sib groups sharing a sire, with the end appended.</summary>
    private static List<int> SireGroups(List<(int First, int Last)> groups, int[] order, int[] sires)
    {
        var starts = new List<int>();
        for (var g = 0; g < groups.Count; g++)
        {
            if (g == 0 || sires[order[groups[g].First]] != sires[order[groups[g - 1].First]])
            {
                starts.Add(g);
            }
        }

        starts.Add(groups.Count);
        return starts;
    }
}
