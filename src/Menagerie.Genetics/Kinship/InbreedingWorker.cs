namespace Menagerie.Genetics.Kinship;

/// <summary>
/// One thread's share of <see cref="Inbreeding.Compute"/>, with its scratch vectors. Ancestors are
/// listed by a depth-first post-order (parents before offspring): read forwards it is the order
/// the forward pass needs, read backwards the order Meuwissen &amp; Luo need — no sorting, no heap.
/// </summary>
internal sealed class InbreedingWorker(int n, int[] sires, int[] dams, double[] d)
{
    private readonly double[] _l = new double[n];
    private readonly double[] _y = new double[n];
    private readonly int[] _seen = new int[n];
    private int[] _stack = new int[64];
    private byte[] _slot = new byte[64];
    private int[] _ancestors = new int[64];
    private int _count;
    private int _mark;

    /// <summary>F of the offspring of one sire with each of its mates in groups [g0, g1).</summary>
    public void Solve(int[] order, List<(int First, int Last)> groups, int g0, int g1, double[] f)
    {
        if (g1 - g0 == 1)
        {
            Assign(order, groups[g0], f, InbreedingOf(order[groups[g0].First]));
            return;
        }

        SireColumn(order, groups, g0, g1, f);
    }

    private static void Assign(int[] order, (int First, int Last) group, double[] f, double value)
    {
        for (var k = group.First; k < group.Last; k++)
        {
            f[order[k]] = value;
        }
    }

    /// <summary>Meuwissen &amp; Luo for one sire × dam pair: A(i,i) = Σ L(i,j)² D(j) over i and its ancestors.</summary>
    private double InbreedingOf(int i)
    {
        _mark++;
        _count = 0;
        Collect(sires[i]);
        Collect(dams[i]);

        // L(i,i) = 1 contributes D(i); each parent starts with ½ (sire ≠ dam: validated).
        var aii = d[i];
        _l[sires[i]] = 0.5;
        _l[dams[i]] = 0.5;
        for (var k = _count - 1; k >= 0; k--)
        {
            var j = _ancestors[k];
            var lj = _l[j];
            _l[j] = 0;
            aii += lj * lj * d[j];
            PassToParents(j, 0.5 * lj);
        }

        return aii - 1;
    }

    /// <summary>
    /// A sire with several mates: one column A(·, s) = T D T′ e_s over the sire's and mates'
    /// ancestors (Colleau 2002; Sargolzaei, Iwaisaki &amp; Colleau 2005, <i>J. Anim. Breed. Genet.</i>
    /// 122:325–331), then F of each mating = ½ A(s, dam).
    /// </summary>
    private void SireColumn(int[] order, List<(int First, int Last)> groups, int g0, int g1, double[] f)
    {
        var s = sires[order[groups[g0].First]];
        _mark++;
        _count = 0;
        Collect(s);
        var sireAncestors = _count;
        for (var g = g0; g < g1; g++)
        {
            Collect(dams[order[groups[g].First]]);
        }

        // T′e_s: youngest first over the sire's ancestors, leaving D·w behind in _l.
        _l[s] = 1;
        for (var k = sireAncestors - 1; k >= 0; k--)
        {
            var j = _ancestors[k];
            var wj = _l[j];
            PassToParents(j, 0.5 * wj);
            _l[j] = d[j] * wj;
        }

        // T(D w): oldest first over sire's and mates' ancestors (post-order puts parents first).
        for (var k = 0; k < _count; k++)
        {
            var u = _ancestors[k];
            var fromParents = (sires[u] >= 0 ? _y[sires[u]] : 0) + (dams[u] >= 0 ? _y[dams[u]] : 0);
            _y[u] = (k < sireAncestors ? _l[u] : 0) + (0.5 * fromParents);
        }

        for (var g = g0; g < g1; g++)
        {
            Assign(order, groups[g], f, 0.5 * _y[dams[order[groups[g].First]]]);
        }

        for (var k = 0; k < _count; k++)
        {
            _l[_ancestors[k]] = 0;
            _y[_ancestors[k]] = 0;
        }
    }

    private void PassToParents(int j, double half)
    {
        if (sires[j] >= 0)
        {
            _l[sires[j]] += half;
        }

        if (dams[j] >= 0)
        {
            _l[dams[j]] += half;
        }
    }

    /// <summary>Appends the not yet seen ancestors of <paramref name="root"/> (and root) in post-order: parents before offspring.</summary>
    private void Collect(int root)
    {
        if (_seen[root] == _mark)
        {
            return;
        }

        _seen[root] = _mark;
        var top = 0;
        _stack[0] = root;
        _slot[0] = 0;
        while (top >= 0)
        {
            var u = _stack[top];
            if (_slot[top] == 2)
            {
                Append(u);
                top--;
                continue;
            }

            var p = _slot[top]++ == 0 ? sires[u] : dams[u];
            if (p >= 0 && _seen[p] != _mark)
            {
                _seen[p] = _mark;
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

    private void Append(int u)
    {
        if (_count == _ancestors.Length)
        {
            Array.Resize(ref _ancestors, _ancestors.Length * 2);
        }

        _ancestors[_count++] = u;
    }
}
