using Menagerie.Genetics.Pedigrees;

namespace Menagerie.Genetics.Kinship;

/// <summary>
/// The order in which <see cref="Inbreeding.Compute"/> visits a pedigree, in flat arrays built by
/// counting sorts (linear time). The offspring with both parents known are sorted by sire, then
/// dam: runs of one sire × dam pair are full sibs (one F), runs of one sire are that sire's matings.
/// Each sire is a task, put in a level after which its inputs are final:
/// a sire with several mates needs F of itself and its ancestors only (its column of A), so it
/// goes in the level of its own depth; a sire with one mate is solved by Meuwissen &amp; Luo, which
/// needs F of both parents' ancestors, so it goes in the level of the deeper parent. Every parent
/// of an individual of depth L + 1 is then solved by the end of level L, and the tasks of one
/// level are independent of each other.
/// </summary>
internal sealed class InbreedingPlan
{
    private InbreedingPlan(int count)
    {
        Parents = new int[2 * count];
        Depth = new int[count];
    }

    /// <summary>Sire of i at 2i, dam at 2i + 1 (-1 unknown): one cache line serves both.</summary>
    public int[] Parents { get; }

    /// <summary>Generation of each individual: 0 for a founder, else 1 + the deeper parent's.</summary>
    public int[] Depth { get; }

    /// <summary>Individuals sorted by depth; those of depth L at [<see cref="DepthStarts"/>[L], [L + 1]).</summary>
    public int[] ByDepth { get; private set; } = [];

    /// <summary>Start of each depth in <see cref="ByDepth"/>, with the end appended.</summary>
    public int[] DepthStarts { get; private set; } = [];

    /// <summary>Individuals with both parents known, sorted by sire, then dam.</summary>
    public int[] Offspring { get; private set; } = [];

    /// <summary>Start in <see cref="Offspring"/> of each run of full sibs, with the end appended.</summary>
    public int[] PairStarts { get; private set; } = [];

    /// <summary>First full-sib run of each sire's matings, with the end appended: sire k owns runs [k], [k + 1).</summary>
    public int[] SireStarts { get; private set; } = [];

    /// <summary>Sire tasks (positions in <see cref="SireStarts"/>) sorted by level.</summary>
    public int[] Tasks { get; private set; } = [];

    /// <summary>Start of each level in <see cref="Tasks"/>, with the end appended (as many levels as depths).</summary>
    public int[] LevelStarts { get; private set; } = [];

    public static InbreedingPlan Build(Pedigree pedigree)
    {
        var n = pedigree.Count;
        var plan = new InbreedingPlan(n);
        var parents = plan.Parents;
        var depth = plan.Depth;
        var sires = pedigree.Sires;
        var dams = pedigree.Dams;
        var maxDepth = 0;
        var both = 0;
        for (var i = 0; i < n; i++)
        {
            var s = sires[i];
            var d = dams[i];
            parents[2 * i] = s;
            parents[(2 * i) + 1] = d;
            depth[i] = 1 + Math.Max(s >= 0 ? depth[s] : -1, d >= 0 ? depth[d] : -1);
            maxDepth = Math.Max(maxDepth, depth[i]);
            if (s >= 0 && d >= 0)
            {
                both++;
            }
        }

        (plan.ByDepth, plan.DepthStarts) = Bucket(n, maxDepth + 1, i => depth[i]);
        plan.SortOffspring(both);
        plan.GroupMatings();
        return plan;
    }

    /// <summary>Two stable counting sorts: by dam, then by sire.</summary>
    private void SortOffspring(int both)
    {
        var n = Depth.Length;
        var byDam = new int[both];
        var counts = new int[n + 1];
        for (var i = 0; i < n; i++)
        {
            if (Parents[2 * i] >= 0 && Parents[(2 * i) + 1] >= 0)
            {
                counts[Parents[(2 * i) + 1] + 1]++;
            }
        }

        PrefixSum(counts);
        for (var i = 0; i < n; i++)
        {
            if (Parents[2 * i] >= 0 && Parents[(2 * i) + 1] >= 0)
            {
                byDam[counts[Parents[(2 * i) + 1]]++] = i;
            }
        }

        Array.Clear(counts);
        foreach (var i in byDam)
        {
            counts[Parents[2 * i] + 1]++;
        }

        PrefixSum(counts);
        var offspring = new int[both];
        foreach (var i in byDam)
        {
            offspring[counts[Parents[2 * i]]++] = i;
        }

        Offspring = offspring;
    }

    private void GroupMatings()
    {
        var offspring = Offspring;
        var pairStarts = new List<int>();
        var sireStarts = new List<int>();
        for (var k = 0; k < offspring.Length; k++)
        {
            var i = offspring[k];
            var newSire = k == 0 || Parents[2 * offspring[k - 1]] != Parents[2 * i];
            if (newSire || Parents[(2 * offspring[k - 1]) + 1] != Parents[(2 * i) + 1])
            {
                if (newSire)
                {
                    sireStarts.Add(pairStarts.Count);
                }

                pairStarts.Add(k);
            }
        }

        sireStarts.Add(pairStarts.Count);
        pairStarts.Add(offspring.Length);
        PairStarts = [.. pairStarts];
        SireStarts = [.. sireStarts];
        var levels = DepthStarts.Length - 1;
        (Tasks, LevelStarts) = Bucket(SireStarts.Length - 1, levels, Level);
    }

    private int Level(int task)
    {
        var first = Offspring[PairStarts[SireStarts[task]]];
        var sire = Parents[2 * first];
        return SireStarts[task + 1] - SireStarts[task] > 1
            ? Depth[sire]
            : Math.Max(Depth[sire], Depth[Parents[(2 * first) + 1]]);
    }

    /// <summary>0 … count − 1 sorted by key (stably), and the start of each key with the end appended.</summary>
    private static (int[] Sorted, int[] Starts) Bucket(int count, int keys, Func<int, int> key)
    {
        var starts = new int[keys + 1];
        for (var i = 0; i < count; i++)
        {
            starts[key(i) + 1]++;
        }

        PrefixSum(starts);
        var next = starts[..^1];
        var sorted = new int[count];
        for (var i = 0; i < count; i++)
        {
            sorted[next[key(i)]++] = i;
        }

        return (sorted, starts);
    }

    private static void PrefixSum(int[] counts)
    {
        for (var k = 1; k < counts.Length; k++)
        {
            counts[k] += counts[k - 1];
        }
    }
}
