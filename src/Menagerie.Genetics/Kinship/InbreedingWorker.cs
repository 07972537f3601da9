using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Menagerie.Genetics.Kinship;

/// <summary>
/// One thread's share of <see cref="Inbreeding.Compute"/>. Ancestors are listed by a depth-first
/// post-order (parents before offspring): read forwards it is the order the forward pass needs, read
/// backwards the order Meuwissen &amp; Luo need — no sorting, no heap. The time goes into visiting
/// ancestors scattered over the whole pedigree, so everything a visit touches (parents, mark,
/// coefficient, D) sits in one 32-byte <see cref="Node"/>: one cache miss per ancestor, not five.
/// </summary>
internal sealed class InbreedingWorker
{
    private readonly InbreedingPlan _plan;
    private readonly double[] _f;
    private readonly Node[] _nodes;
    private int[] _stack = new int[64];
    private byte[] _slot = new byte[64];
    private int[] _ancestors = new int[64];
    private int _count;
    private int _mark;

    public InbreedingWorker(InbreedingPlan plan, double[] f)
    {
        _plan = plan;
        _f = f;
        _nodes = new Node[f.Length];
        for (var i = 0; i < _nodes.Length; i++)
        {
            _nodes[i].Sire = plan.Parents[2 * i];
            _nodes[i].Dam = plan.Parents[(2 * i) + 1];
        }
    }

    /// <summary>Records D(i), the Mendelian sampling variance, once it is final.</summary>
    public void SetVariance(int i, double d) => _nodes[i].D = d;

    /// <summary>F of the offspring of one sire (task <paramref name="sire"/> of the plan) with each of its mates.</summary>
    public void Solve(int sire)
    {
        var g0 = _plan.SireStarts[sire];
        var g1 = _plan.SireStarts[sire + 1];
        if (g1 - g0 == 1)
        {
            var i = _plan.Offspring[_plan.PairStarts[g0]];
            Assign(g0, InbreedingOf(_nodes[i].Sire, _nodes[i].Dam));
            return;
        }

        SireColumn(g0, g1);
    }

    private int Dam(int pair) => _nodes[_plan.Offspring[_plan.PairStarts[pair]]].Dam;

    private void Assign(int pair, double value)
    {
        for (var k = _plan.PairStarts[pair]; k < _plan.PairStarts[pair + 1]; k++)
        {
            _f[_plan.Offspring[k]] = value;
        }
    }

    /// <summary>Meuwissen &amp; Luo for one sire × dam pair: A(i,i) = Σ L(i,j)² D(j) over i and its ancestors.</summary>
    private double InbreedingOf(int sire, int dam)
    {
        _mark++;
        _count = 0;
        Collect(sire);
        Collect(dam);

        // L(i,i) = 1 contributes D(i); each parent starts with ½ (sire ≠ dam: validated).
        var aii = Inbreeding.MendelianVariance(sire, dam, _f);
        var nodes = _nodes;
        nodes[sire].L = 0.5;
        nodes[dam].L = 0.5;
        for (var k = _count - 1; k >= 0; k--)
        {
            ref var j = ref nodes[_ancestors[k]];
            var lj = j.L;
            j.L = 0;
            aii += lj * lj * j.D;
            PassToParents(in j, 0.5 * lj);
        }

        return aii - 1;
    }

    /// <summary>
    /// A sire with several mates: one column A(·, s) = T D T′ e_s over the sire's and mates'
    /// ancestors (Colleau 2002; Sargolzaei, Iwaisaki &amp; Colleau 2005, <i>J. Anim. Breed. Genet.</i>
    /// 122:325–331), then F of each mating = ½ A(s, dam).
    /// </summary>
    private void SireColumn(int g0, int g1)
    {
        var nodes = _nodes;
        var s = nodes[_plan.Offspring[_plan.PairStarts[g0]]].Sire;
        _mark++;
        _count = 0;
        Collect(s);
        var sireAncestors = _count;
        for (var g = g0; g < g1; g++)
        {
            Collect(Dam(g));
        }

        // w = T′e_s: youngest first over the sire's ancestors, leaving D·w behind in L.
        nodes[s].L = 1;
        for (var k = sireAncestors - 1; k >= 0; k--)
        {
            ref var j = ref nodes[_ancestors[k]];
            var wj = j.L;
            PassToParents(in j, 0.5 * wj);
            j.L = j.D * wj;
        }

        // y = T(D w) in place of D·w: oldest first over sire's and mates' ancestors (L is 0 off the sire's).
        for (var k = 0; k < _count; k++)
        {
            ref var u = ref nodes[_ancestors[k]];
            var fromParents = (u.Sire >= 0 ? nodes[u.Sire].L : 0) + (u.Dam >= 0 ? nodes[u.Dam].L : 0);
            u.L += 0.5 * fromParents;
        }

        for (var g = g0; g < g1; g++)
        {
            Assign(g, 0.5 * nodes[Dam(g)].L);
        }

        for (var k = 0; k < _count; k++)
        {
            nodes[_ancestors[k]].L = 0;
        }
    }

    private void PassToParents(in Node j, double half)
    {
        if (j.Sire >= 0)
        {
            _nodes[j.Sire].L += half;
        }

        if (j.Dam >= 0)
        {
            _nodes[j.Dam].L += half;
        }
    }

    /// <summary>Appends the not yet seen ancestors of <paramref name="root"/> (and root) in post-order: parents before offspring.</summary>
    private void Collect(int root)
    {
        var nodes = _nodes;
        if (nodes[root].Seen == _mark)
        {
            return;
        }

        nodes[root].Seen = _mark;
        var top = 0;
        _stack[0] = root;
        _slot[0] = 0;
        while (top >= 0)
        {
            var u = _stack[top];
            var slot = _slot[top]++;
            if (slot == 2)
            {
                Append(u);
                top--;
                continue;
            }

            var p = slot == 0 ? nodes[u].Sire : nodes[u].Dam;
            if (slot == 0)
            {
                // The dam's line is fetched while the sire's side is walked.
                Prefetch(nodes[u].Dam);
            }

            if (p >= 0 && nodes[p].Seen != _mark)
            {
                nodes[p].Seen = _mark;
                if (++top == _stack.Length)
                {
                    Array.Resize(ref _stack, _stack.Length * 2);
                    Array.Resize(ref _slot, _slot.Length * 2);
                }

                _stack[top] = p;
                _slot[top] = 0;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private unsafe void Prefetch(int i)
    {
        if (i >= 0 && Sse.IsSupported)
        {
            // The node array is large and never moved; a stale address would only make the hint useless.
            Sse.Prefetch0(Unsafe.AsPointer(ref _nodes[i]));
        }
    }

    private void Append(int u)
    {
        if (_count == _ancestors.Length)
        {
            Array.Resize(ref _ancestors, _ancestors.Length * 2);
        }

        _ancestors[_count++] = u;
    }

    /// <summary>What one ancestor visit reads and writes, 32 bytes so that it never straddles a cache line.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 32)]
    private struct Node
    {
        public int Sire;
        public int Dam;
        public int Seen;
        public double L;
        public double D;
    }
}
