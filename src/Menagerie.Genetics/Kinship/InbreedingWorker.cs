using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Menagerie.Genetics.Kinship;

/// <summary>
/// One thread's share of <see cref="Inbreeding.Compute"/>: for each sire, one column
/// A(·, s) = T D T′ e_s over the sire's and its mates' ancestors (Colleau 2002; Sargolzaei,
/// Iwaisaki &amp; Colleau 2005), and F of each offspring = ½ A(s, dam).
/// <para>
/// The time goes into fetching ancestors scattered over the whole studbook, each fetch a cache miss
/// that costs 150–300 ns on the machines measured (bench/RESULTS.md). So an ancestor's node is
/// 24 bytes in a dense array of the animals that are parents, base animals are never walked (see
/// <see cref="InbreedingPlan"/>), ancestors are listed breadth first with each one's parents asked
/// for from memory as soon as it is listed, and before a batch of tasks the first generations of all
/// their sires and dams are asked for at once, so that many misses are on their way together.
/// </para>
/// </summary>
internal sealed class InbreedingWorker
{
    /// <summary>Tasks a worker takes at a time: their first generations are fetched together.</summary>
    public const int BatchSize = 8;

    // Generations above a batch's sires and dams fetched ahead; older ancestors are shared widely and mostly in cache.
    private const int GenerationsAhead = 3;

    private readonly InbreedingPlan _plan;
    private readonly double[] _f;
    private readonly AncestorNode[] _nodes;
    private readonly int[] _depthCounts;

    // Column values of the base: a depth-1 animal's w, then D·w; a founder's w = D·w (D = 1).
    private readonly double[] _founderValues;
    private readonly double[] _depthOneValues;
    private int[] _touchedFounders = new int[64];
    private int[] _touchedDepthOnes = new int[64];
    private int _touchedFounderCount;
    private int _touchedDepthOneCount;
    private int[] _ancestors = new int[64];
    private int[] _depths = new int[64];
    private int[] _sorted = new int[64];
    private int[] _ahead = new int[256];
    private int[] _aheadNext = new int[256];
    private int _count;
    private int _mark;

    public InbreedingWorker(InbreedingPlan plan, double[] f, bool ownsPlanNodes)
    {
        _plan = plan;
        _f = f;
        _nodes = ownsPlanNodes ? plan.UpperNodes : (AncestorNode[])plan.UpperNodes.Clone();
        _depthCounts = new int[plan.LevelStarts.Length + 1];
        _founderValues = new double[plan.FounderCount];
        _depthOneValues = new double[plan.DepthOneCount];
    }

    /// <summary>Solves tasks [<paramref name="first"/>, <paramref name="end"/>) of the plan.</summary>
    public void SolveBatch(int first, int end)
    {
        FetchAhead(first, end);
        for (var task = first; task < end; task++)
        {
            Solve(task);
        }
    }

    private void Solve(int task)
    {
        var nodes = _nodes;
        var sire = _plan.TaskSires[task];
        var first = _plan.TaskOffspringStarts[task];
        var end = _plan.TaskOffspringStarts[task + 1];
        var offspringDams = _plan.OffspringDams;
        _mark++;
        _count = 0;
        if (sire >= 0)
        {
            Add(sire);
            CollectAncestors(0);
        }

        var sireAncestors = _count;
        SortByDepth(0, sireAncestors);
        for (var k = first; k < end; k++)
        {
            var dam = offspringDams[k];
            if (dam >= 0 && nodes[dam].Seen != _mark)
            {
                Add(dam);
            }
        }

        CollectAncestors(sireAncestors);
        SortByDepth(sireAncestors, _count);

        // w = T′e_s: deepest first over the sire's upper ancestors, leaving D·w behind in L; the base collects its w apart.
        if (sire >= 0)
        {
            var variances = _plan.UpperVariances;
            nodes[sire].L = 1;
            for (var k = sireAncestors - 1; k >= 0; k--)
            {
                var a = _ancestors[k];
                ref var j = ref nodes[a];
                var wj = j.L;
                PassToParent(j.Sire, 0.5 * wj);
                PassToParent(j.Dam, 0.5 * wj);
                j.L = variances[a] * wj;
            }
        }
        else
        {
            PassToParent(sire, 1);
        }

        var depthOneParents = _plan.DepthOneParents;
        for (var t = 0; t < _touchedDepthOneCount; t++)
        {
            var b = _touchedDepthOnes[t];
            var wb = _depthOneValues[b];
            AddToFounder(depthOneParents[2 * b], 0.5 * wb);
            AddToFounder(depthOneParents[(2 * b) + 1], 0.5 * wb);
            _depthOneValues[b] = _plan.DepthOneVariances[b] * wb;
        }

        // y = T(D w) in place of D·w: shallowest first over the sire's, then the mates' ancestors.
        for (var k = 0; k < _count; k++)
        {
            ref var u = ref nodes[_ancestors[k]];
            u.L += 0.5 * (ColumnValue(u.Sire) + ColumnValue(u.Dam));
        }

        var offspring = _plan.Offspring;
        for (var k = first; k < end; k++)
        {
            _f[offspring[k]] = 0.5 * ColumnValue(offspringDams[k]);
        }

        for (var k = 0; k < _count; k++)
        {
            nodes[_ancestors[k]].L = 0;
        }

        for (var t = 0; t < _touchedDepthOneCount; t++)
        {
            _depthOneValues[_touchedDepthOnes[t]] = 0;
        }

        for (var t = 0; t < _touchedFounderCount; t++)
        {
            _founderValues[_touchedFounders[t]] = 0;
        }

        _touchedDepthOneCount = 0;
        _touchedFounderCount = 0;
    }

    /// <summary>y of a linked animal once the upper ancestors before it are done; a base animal's from its founders.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double ColumnValue(int link)
    {
        if (link >= 0)
        {
            return _nodes[link].L;
        }

        if (link == -1)
        {
            return 0;
        }

        if ((link & 1) == 0)
        {
            return _founderValues[(-2 - link) >> 1];
        }

        var b = (-3 - link) >> 1;
        var f1 = _plan.DepthOneParents[2 * b];
        var f2 = _plan.DepthOneParents[(2 * b) + 1];
        return _depthOneValues[b] + (0.5 * ((f1 >= 0 ? _founderValues[f1] : 0) + (f2 >= 0 ? _founderValues[f2] : 0)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void PassToParent(int link, double value)
    {
        if (link >= 0)
        {
            _nodes[link].L += value;
        }
        else if (link != -1)
        {
            if ((link & 1) == 0)
            {
                AddToFounder((-2 - link) >> 1, value);
                return;
            }

            var b = (-3 - link) >> 1;
            if (_depthOneValues[b] == 0)
            {
                Append(ref _touchedDepthOnes, ref _touchedDepthOneCount, b);
            }

            _depthOneValues[b] += value;
        }
    }

    private void AddToFounder(int founder, double value)
    {
        if (founder < 0)
        {
            return;
        }

        // w of an ancestor is a sum of positive path weights: 0 means not touched yet.
        if (_founderValues[founder] == 0)
        {
            Append(ref _touchedFounders, ref _touchedFounderCount, founder);
        }

        _founderValues[founder] += value;
    }

    private static void Append(ref int[] list, ref int count, int value)
    {
        if (count == list.Length)
        {
            Array.Resize(ref list, count * 2);
        }

        list[count++] = value;
    }

    /// <summary>
    /// Asks for the nodes of a batch's sires and dams and of a few generations above them, all at once.
    /// Reading a generation waits only for the slowest of its fetches, not for each in turn.
    /// </summary>
    private void FetchAhead(int first, int end)
    {
        var count = 0;
        for (var task = first; task < end; task++)
        {
            Ahead(ref _ahead, ref count, _plan.TaskSires[task]);
            for (var k = _plan.TaskOffspringStarts[task]; k < _plan.TaskOffspringStarts[task + 1]; k++)
            {
                Ahead(ref _ahead, ref count, _plan.OffspringDams[k]);
            }
        }

        for (var generation = 0; generation < GenerationsAhead && count > 0; generation++)
        {
            var next = 0;
            for (var k = 0; k < count; k++)
            {
                ref readonly var node = ref _nodes[_ahead[k]];
                Ahead(ref _aheadNext, ref next, node.Sire);
                Ahead(ref _aheadNext, ref next, node.Dam);
            }

            (_ahead, _aheadNext) = (_aheadNext, _ahead);
            count = next;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Ahead(ref int[] list, ref int count, int link)
    {
        if (link >= 0)
        {
            Append(ref list, ref count, link);
            Prefetch(link);
        }
    }

    /// <summary>Appends the not yet seen upper ancestors of the nodes listed from <paramref name="from"/> on, breadth first.</summary>
    private void CollectAncestors(int from)
    {
        var nodes = _nodes;
        var mark = _mark;
        for (var k = from; k < _count; k++)
        {
            ref readonly var u = ref nodes[_ancestors[k]];
            var sire = u.Sire;
            var dam = u.Dam;
            if (sire >= 0 && nodes[sire].Seen != mark)
            {
                Add(sire);
            }

            if (dam >= 0 && nodes[dam].Seen != mark)
            {
                Add(dam);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private unsafe void Prefetch(int node)
    {
        if (node >= 0 && Sse.IsSupported)
        {
            // The node array is large and never moved; a stale address would only make the hint useless.
            Sse.Prefetch0(Unsafe.AsPointer(ref _nodes[node]));
        }
    }

    private void Add(int u)
    {
        ref var node = ref _nodes[u];
        node.Seen = _mark;

        // Its parents are looked at when the list reaches it: ask for them now.
        Prefetch(node.Sire);
        Prefetch(node.Dam);
        if (_count == _ancestors.Length)
        {
            Array.Resize(ref _ancestors, _count * 2);
            Array.Resize(ref _depths, _count * 2);
        }

        _depths[_count] = node.Depth;
        _ancestors[_count++] = u;
    }

    /// <summary>
    /// Orders the ancestors listed in [<paramref name="from"/>, <paramref name="to"/>) by depth, a counting
    /// sort in linear time: a parent is shallower than its offspring, so this puts parents before offspring.
    /// </summary>
    private void SortByDepth(int from, int to)
    {
        var counts = _depthCounts;
        var depths = _depths;
        Array.Clear(counts);
        for (var k = from; k < to; k++)
        {
            counts[depths[k] + 1]++;
        }

        counts[0] = from;
        for (var depth = 1; depth < counts.Length; depth++)
        {
            counts[depth] += counts[depth - 1];
        }

        if (_sorted.Length < _ancestors.Length)
        {
            _sorted = new int[_ancestors.Length];
        }

        for (var k = from; k < to; k++)
        {
            _sorted[counts[depths[k]]++] = _ancestors[k];
        }

        Array.Copy(_sorted, from, _ancestors, from, to - from);
    }
}
