using Menagerie.Genetics.Pedigrees;

namespace Menagerie.Genetics.Kinship;

/// <summary>Inbreeding coefficients of every individual of a pedigree.</summary>
public static class Inbreeding
{
    // Below this many sires in a level, threads cost more than they save.
    private const int ParallelThreshold = 256;

    /// <summary>
    /// Inbreeding coefficient F(i) = f(sire, dam) of every individual, in pedigree order. With
    /// A = T D T′ (Henderson 1976), the Mendelian sampling variance of j is
    /// D(j) = 1 − ¼ Σ_known parents p (1 + F(p)); founders and individuals with one unknown parent
    /// have F = 0. Full sibs share F and are solved once. A sire with several mates is solved as in
    /// Sargolzaei, Iwaisaki &amp; Colleau (2005), <i>J. Anim. Breed. Genet.</i> 122:325–331: one column
    /// A(·, sire) = T D T′ e_sire over the ancestors of the sire and of all its mates (Colleau 2002,
    /// <i>Genet. Sel. Evol.</i> 34:409–421), and F = ½ A(sire, dam) for every mate at once. A sire with
    /// one mate is solved by Meuwissen &amp; Luo (1992), <i>Genet. Sel. Evol.</i> 24:305–313:
    /// A(i,i) = 1 + F(i) = Σ_j L(i,j)² D(j) over i and its ancestors j. Sires are scheduled by the
    /// depth their inputs need (see <see cref="InbreedingPlan"/>), the sires of one level in parallel.
    /// </summary>
    /// <param name="pedigree">A validated pedigree.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; -1 for all processors. The result does not depend on it.</param>
    /// <returns>F of each individual, 0 ≤ F &lt; 1.</returns>
    public static double[] Compute(Pedigree pedigree, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(pedigree);
        var n = pedigree.Count;
        var f = new double[n];
        var plan = InbreedingPlan.Build(pedigree);
        var threads = maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount;
        var workers = new InbreedingWorker[Math.Clamp(threads, 1, Math.Max(1, plan.SireStarts.Length - 1))];
        Parallel.For(0, workers.Length, w => workers[w] = new InbreedingWorker(plan, f));
        var parents = plan.Parents;
        for (var level = 0; level + 1 < plan.LevelStarts.Length; level++)
        {
            // Parents are of a lower depth, solved in earlier levels: D of this depth is final.
            for (var k = plan.DepthStarts[level]; k < plan.DepthStarts[level + 1]; k++)
            {
                var i = plan.ByDepth[k];
                var d = MendelianVariance(parents[2 * i], parents[(2 * i) + 1], f);
                foreach (var worker in workers)
                {
                    worker.SetVariance(i, d);
                }
            }

            var start = plan.LevelStarts[level];
            var count = plan.LevelStarts[level + 1] - start;
            if (count < ParallelThreshold || workers.Length == 1)
            {
                for (var t = start; t < start + count; t++)
                {
                    workers[0].Solve(plan.Tasks[t]);
                }

                continue;
            }

            var next = start - 1;
            Parallel.For(0, workers.Length, new ParallelOptions { MaxDegreeOfParallelism = workers.Length }, w =>
            {
                var worker = workers[w];
                for (var t = Interlocked.Increment(ref next); t < start + count; t = Interlocked.Increment(ref next))
                {
                    worker.Solve(plan.Tasks[t]);
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
