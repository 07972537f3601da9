using Menagerie.Genetics.Pedigrees;

namespace Menagerie.Genetics.Kinship;

/// <summary>Inbreeding coefficients of every individual of a pedigree.</summary>
public static class Inbreeding
{
    // Below this many sires in a level, threads cost more than they save.
    private const int ParallelThreshold = 256;

    /// <summary>
    /// Inbreeding coefficient F(i) = ½ A(sire, dam) of every individual, in pedigree order. With
    /// A = T D T′ (Henderson 1976), the Mendelian sampling variance of j is
    /// D(j) = 1 − ¼ Σ_known parents p (1 + F(p)); founders and individuals with one unknown parent
    /// have F = 0. Each sire is solved once for all its offspring as in Sargolzaei, Iwaisaki &amp;
    /// Colleau (2005), <i>J. Anim. Breed. Genet.</i> 122:325–331: one column
    /// A(·, sire) = T D T′ e_sire over the ancestors of the sire and of its mates (Colleau 2002,
    /// <i>Genet. Sel. Evol.</i> 34:409–421), which needs D of the sire's ancestors only. Founders and
    /// the animals whose parents are all founders are not walked: their share of a column follows from
    /// the founders' (<see cref="InbreedingPlan"/>). Sires are scheduled by depth, the sires of one
    /// depth in parallel.
    /// </summary>
    /// <param name="pedigree">A validated pedigree.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; -1 for all processors. The result does not depend on it.</param>
    /// <returns>F of each individual, 0 ≤ F &lt; 1.</returns>
    public static double[] Compute(Pedigree pedigree, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(pedigree);
        var f = new double[pedigree.Count];
        var plan = InbreedingPlan.Build(pedigree);
        var levels = plan.LevelStarts;
        var threads = maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount;
        var workers = new InbreedingWorker[Math.Clamp(threads, 1, Math.Max(1, levels[^1]))];
        Parallel.For(0, workers.Length, w => workers[w] = new InbreedingWorker(plan, f, ownsPlanNodes: w == 0));
        var sires = pedigree.Sires;
        var dams = pedigree.Dams;
        for (var level = 0; level + 1 < levels.Length; level++)
        {
            // The parents of this depth's upper nodes are solved in earlier levels: their D is final.
            for (var k = plan.UpperDepthStarts[level]; k < plan.UpperDepthStarts[level + 1]; k++)
            {
                var u = plan.UpperByDepth[k];
                var i = plan.UpperIndividuals[u];
                plan.UpperVariances[u] = MendelianVariance(sires[i], dams[i], f);
            }

            var start = levels[level];
            var end = levels[level + 1];
            if (end - start < ParallelThreshold || workers.Length == 1)
            {
                for (var t = start; t < end; t += InbreedingWorker.BatchSize)
                {
                    workers[0].SolveBatch(t, Math.Min(t + InbreedingWorker.BatchSize, end));
                }

                continue;
            }

            var next = start;
            Parallel.For(0, workers.Length, new ParallelOptions { MaxDegreeOfParallelism = workers.Length }, w =>
            {
                var worker = workers[w];
                for (var t = Interlocked.Add(ref next, InbreedingWorker.BatchSize) - InbreedingWorker.BatchSize; t < end; t = Interlocked.Add(ref next, InbreedingWorker.BatchSize) - InbreedingWorker.BatchSize)
                {
                    worker.SolveBatch(t, Math.Min(t + InbreedingWorker.BatchSize, end));
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

    internal static double MendelianVariance(int sire, int dam, ReadOnlySpan<double> f)
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
}
