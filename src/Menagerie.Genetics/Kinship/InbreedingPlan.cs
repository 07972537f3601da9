using System.Runtime.InteropServices;
using Menagerie.Genetics.Pedigrees;

namespace Menagerie.Genetics.Kinship;

/// <summary>
/// What <see cref="Inbreeding.Compute"/> walks, in flat arrays built in linear time. Every sire is a
/// task: F of each of its offspring is ½ A(sire, dam), all of them read off one column of A
/// (<see cref="InbreedingWorker"/>). A task needs D of the sire and its ancestors only, so it goes in
/// the level of the sire's depth; the tasks of one level are independent of each other.
/// <para>
/// Animals are split in two. The base is the founders (depth 0) and the animals whose known parents
/// are all founders (depth 1): their D is known from the start (1; ½ or ¾) and their place in a column
/// follows from the founders' in O(1), so they are never walked. In a large studbook they are most of
/// every late-born animal's ancestors (6 in 10 of the ancestors walked on the generated
/// 1,000,000-animal studbook). The rest that are parents are the upper nodes, numbered densely in
/// pedigree order so that a walk touches as little memory as possible. A link names either: ≥ 0 an
/// upper node, -1 an unknown parent or an animal above the base that is nobody's parent, ≤ -2 a base animal
/// (<see cref="FounderLink"/>, <see cref="DepthOneLink"/>).
/// </para>
/// </summary>
internal sealed class InbreedingPlan
{
    /// <summary>The link of each individual.</summary>
    public int[] Links { get; private set; } = [];

    public int FounderCount { get; private set; }

    /// <summary>The two founders (founder numbers; -1 unknown) of each depth-1 animal.</summary>
    public int[] DepthOneParents { get; private set; } = [];

    /// <summary>D of each depth-1 animal: ½ with two founder parents, ¾ with one.</summary>
    public double[] DepthOneVariances { get; private set; } = [];

    /// <summary>Parent links and depth of each upper node: the first worker walks these, the others a copy.</summary>
    public AncestorNode[] UpperNodes { get; private set; } = [];

    /// <summary>The individual each upper node stands for.</summary>
    public int[] UpperIndividuals { get; private set; } = [];

    /// <summary>Upper nodes sorted by depth; those of depth L at [<see cref="UpperDepthStarts"/>[L], [L + 1]).</summary>
    public int[] UpperByDepth { get; private set; } = [];

    public int[] UpperDepthStarts { get; private set; } = [];

    /// <summary>D of each upper node, filled in level by level as the parents' F become final.</summary>
    public double[] UpperVariances { get; private set; } = [];

    /// <summary>Offspring with both parents known, grouped by sire.</summary>
    public int[] Offspring { get; private set; } = [];

    /// <summary>Link of the dam of each of <see cref="Offspring"/>, read in order instead of looked up.</summary>
    public int[] OffspringDams { get; private set; } = [];

    /// <summary>Link of each task's sire, tasks sorted by the sire's depth.</summary>
    public int[] TaskSires { get; private set; } = [];

    /// <summary>Start in <see cref="Offspring"/> of each task's offspring, with the end appended.</summary>
    public int[] TaskOffspringStarts { get; private set; } = [];

    /// <summary>Start of each level in the tasks, with the end appended (as many levels as depths).</summary>
    public int[] LevelStarts { get; private set; } = [];

    public int DepthOneCount => DepthOneVariances.Length;

    public static int FounderLink(int founder) => -2 - (2 * founder);

    public static int DepthOneLink(int depthOne) => -3 - (2 * depthOne);

    public static InbreedingPlan Build(Pedigree pedigree)
    {
        var plan = new InbreedingPlan();
        var sires = pedigree.Sires;
        var dams = pedigree.Dams;
        var depth = Depths(sires, dams, out var maxDepth, out var offspringPerSire, out var isParent);
        plan.GroupOffspring(sires, dams, depth, maxDepth, offspringPerSire);

        // The counts are spent: their array becomes the links.
        plan.NumberNodes(sires, dams, depth, maxDepth, isParent, links: offspringPerSire);
        var offspring = plan.Offspring;
        var offspringDams = new int[offspring.Length];
        for (var k = 0; k < offspring.Length; k++)
        {
            offspringDams[k] = plan.Links[dams[offspring[k]]];
        }

        plan.OffspringDams = offspringDams;
        for (var t = 0; t < plan.TaskSires.Length; t++)
        {
            plan.TaskSires[t] = plan.Links[plan.TaskSires[t]];
        }

        return plan;
    }

    /// <summary>
    /// Depth of each individual (0 a founder, else 1 + the deeper parent's), the number of offspring
    /// with both parents known of each sire, and whether each individual is anyone's parent.
    /// </summary>
    private static int[] Depths(ReadOnlySpan<int> sires, ReadOnlySpan<int> dams, out int maxDepth, out int[] offspringPerSire, out bool[] isParent)
    {
        var n = sires.Length;
        var depth = new int[n];
        var counts = new int[n];
        var parent = new bool[n];
        maxDepth = 0;
        for (var i = 0; i < n; i++)
        {
            var s = sires[i];
            var d = dams[i];
            var level = 0;
            if (s >= 0)
            {
                level = depth[s] + 1;
                parent[s] = true;
            }

            if (d >= 0)
            {
                level = Math.Max(level, depth[d] + 1);
                parent[d] = true;
                if (s >= 0)
                {
                    counts[s]++;
                }
            }

            depth[i] = level;
            maxDepth = Math.Max(maxDepth, level);
        }

        offspringPerSire = counts;
        isParent = parent;
        return depth;
    }

    /// <summary>Offspring grouped by sire (a counting sort), and the sires as tasks sorted by depth.</summary>
    private void GroupOffspring(ReadOnlySpan<int> sires, ReadOnlySpan<int> dams, int[] depth, int maxDepth, int[] offspringPerSire)
    {
        var n = sires.Length;
        var taskCount = 0;
        var offspringCount = 0;
        var levelStarts = new int[maxDepth + 2];
        for (var i = 0; i < n; i++)
        {
            if (offspringPerSire[i] > 0)
            {
                taskCount++;
                offspringCount += offspringPerSire[i];
                levelStarts[depth[i] + 1]++;
            }
        }

        PrefixSum(levelStarts);
        var next = levelStarts[..^1];
        var taskSires = new int[taskCount];
        var taskStarts = new int[taskCount + 1];
        for (var i = 0; i < n; i++)
        {
            if (offspringPerSire[i] > 0)
            {
                var task = next[depth[i]]++;
                taskSires[task] = i;
                taskStarts[task + 1] = offspringPerSire[i];
            }
        }

        PrefixSum(taskStarts);

        // The write position of each sire's next offspring, kept where the sire's count was.
        for (var task = 0; task < taskCount; task++)
        {
            offspringPerSire[taskSires[task]] = taskStarts[task];
        }

        var offspring = new int[offspringCount];
        for (var i = 0; i < n; i++)
        {
            var s = sires[i];
            if (s >= 0 && dams[i] >= 0)
            {
                offspring[offspringPerSire[s]++] = i;
            }
        }

        Offspring = offspring;
        TaskSires = taskSires;
        TaskOffspringStarts = taskStarts;
        LevelStarts = levelStarts;
    }

    /// <summary>Links of every individual: founders and depth-1 animals numbered apart, upper parents densely.</summary>
    private void NumberNodes(ReadOnlySpan<int> sires, ReadOnlySpan<int> dams, int[] depth, int maxDepth, bool[] isParent, int[] links)
    {
        var n = sires.Length;
        int founders = 0, depthOnes = 0, uppers = 0;
        for (var i = 0; i < n; i++)
        {
            links[i] = depth[i] switch
            {
                0 => FounderLink(founders++),
                1 => DepthOneLink(depthOnes++),
                _ => isParent[i] ? uppers++ : -1,
            };
        }

        var depthOneParents = new int[2 * depthOnes];
        var depthOneVariances = new double[depthOnes];
        var nodes = new AncestorNode[uppers];
        var individuals = new int[uppers];
        var depthStarts = new int[maxDepth + 2];
        for (var i = 0; i < n; i++)
        {
            var link = links[i];
            if (link >= 0)
            {
                nodes[link] = new AncestorNode { Sire = sires[i] >= 0 ? links[sires[i]] : -1, Dam = dams[i] >= 0 ? links[dams[i]] : -1, Depth = depth[i] };
                individuals[link] = i;
                depthStarts[depth[i] + 1]++;
            }
            else if (depth[i] == 1)
            {
                var b = (-3 - link) >> 1;
                depthOneParents[2 * b] = sires[i] >= 0 ? (-2 - links[sires[i]]) / 2 : -1;
                depthOneParents[(2 * b) + 1] = dams[i] >= 0 ? (-2 - links[dams[i]]) / 2 : -1;
                depthOneVariances[b] = 1 - (sires[i] >= 0 ? 0.25 : 0) - (dams[i] >= 0 ? 0.25 : 0);
            }
        }

        PrefixSum(depthStarts);
        var next = depthStarts[..^1];
        var byDepth = new int[uppers];
        for (var u = 0; u < uppers; u++)
        {
            byDepth[next[nodes[u].Depth]++] = u;
        }

        Links = links;
        FounderCount = founders;
        DepthOneParents = depthOneParents;
        DepthOneVariances = depthOneVariances;
        UpperNodes = nodes;
        UpperIndividuals = individuals;
        UpperByDepth = byDepth;
        UpperDepthStarts = depthStarts;
        UpperVariances = new double[uppers];
    }

    private static void PrefixSum(int[] counts)
    {
        for (var k = 1; k < counts.Length; k++)
        {
            counts[k] += counts[k - 1];
        }
    }
}

/// <summary>What one ancestor visit reads and writes, 24 bytes: the fewer bytes, the fewer cache misses.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct AncestorNode
{
    public int Sire;
    public int Dam;
    public int Seen;
    public int Depth;
    public double L;
}
