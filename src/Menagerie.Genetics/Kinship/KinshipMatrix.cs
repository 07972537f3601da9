using Menagerie.Genetics.Pedigrees;

namespace Menagerie.Genetics.Kinship;

/// <summary>
/// A dense kinship matrix f(i,j) of a chosen set of individuals, flat and row-major.
/// </summary>
public sealed class KinshipMatrix
{
    private readonly int[] _members;
    private readonly double[] _values;

    private KinshipMatrix(int[] members, double[] values)
    {
        _members = members;
        _values = values;
    }

    /// <summary>Number of rows (and columns).</summary>
    public int Size => _members.Length;

    /// <summary>The pedigree index of each row (and column), in the order requested.</summary>
    public ReadOnlySpan<int> Members => _members;

    /// <summary>All values, row-major: f(Members[r], Members[c]) at r·Size + c.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>Kinship of the individuals in row <paramref name="row"/> and column <paramref name="column"/>.</summary>
    /// <param name="row">Row number (position in <see cref="Members"/>).</param>
    /// <param name="column">Column number (position in <see cref="Members"/>).</param>
    public double this[int row, int column] => _values[(row * _members.Length) + column];

    /// <summary>The kinship matrix of every individual of the pedigree, in pedigree order.</summary>
    /// <param name="pedigree">A validated pedigree.</param>
    /// <returns>The N×N matrix (N² doubles: mind the memory for large pedigrees).</returns>
    public static KinshipMatrix Compute(Pedigree pedigree)
    {
        ArgumentNullException.ThrowIfNull(pedigree);
        var all = new int[pedigree.Count];
        for (var i = 0; i < all.Length; i++)
        {
            all[i] = i;
        }

        return new KinshipMatrix(all, Tabulate(pedigree, all));
    }

    /// <summary>
    /// The kinship matrix of a subset, by the tabular method (Emik &amp; Terrill 1949; Cruden 1949)
    /// restricted to the subset and its ancestors, taken in pedigree order:
    /// f(j,k) = ½ (f(sire_j, k) + f(dam_j, k)) for k before j, f(j,j) = ½ (1 + f(sire_j, dam_j)),
    /// unknown parents contributing 0. Rows are formed in cache-sized blocks, each as the average of
    /// the two parental rows with <c>TensorPrimitives</c>, then mirrored into the upper triangle by tiles.
    /// </summary>
    /// <param name="pedigree">A validated pedigree.</param>
    /// <param name="subset">Pedigree indices of the rows wanted, in the order wanted.</param>
    /// <returns>The subset's matrix; works in (subset + ancestors)² doubles.</returns>
    public static KinshipMatrix Compute(Pedigree pedigree, ReadOnlySpan<int> subset)
    {
        ArgumentNullException.ThrowIfNull(pedigree);
        foreach (var i in subset)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(i, nameof(subset));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(i, pedigree.Count, nameof(subset));
        }

        var closure = AncestorClosure(pedigree, subset);
        var table = Tabulate(pedigree, closure);
        var local = new Dictionary<int, int>(closure.Length);
        for (var k = 0; k < closure.Length; k++)
        {
            local.Add(closure[k], k);
        }

        var q = subset.Length;
        var m = closure.Length;
        var values = new double[q * q];
        for (var r = 0; r < q; r++)
        {
            var row = local[subset[r]] * m;
            for (var c = 0; c < q; c++)
            {
                values[(r * q) + c] = table[row + local[subset[c]]];
            }
        }

        return new KinshipMatrix(subset.ToArray(), values);
    }

    /// <summary>The subset and all its ancestors, ascending (so parents come first).</summary>
    private static int[] AncestorClosure(Pedigree pedigree, ReadOnlySpan<int> subset)
    {
        var mark = new bool[pedigree.Count];
        var stack = new Stack<int>();
        foreach (var i in subset)
        {
            if (!mark[i])
            {
                mark[i] = true;
                stack.Push(i);
            }
        }

        while (stack.Count > 0)
        {
            var k = stack.Pop();
            foreach (var p in (ReadOnlySpan<int>)[pedigree.Sires[k], pedigree.Dams[k]])
            {
                if (p >= 0 && !mark[p])
                {
                    mark[p] = true;
                    stack.Push(p);
                }
            }
        }

        var members = new List<int>();
        for (var i = 0; i < mark.Length; i++)
        {
            if (mark[i])
            {
                members.Add(i);
            }
        }

        return [.. members];
    }

    /// <summary>Full symmetric kinship table of <paramref name="members"/> (ascending, closed under parents).</summary>
    private static double[] Tabulate(Pedigree pedigree, int[] members)
    {
        var m = members.Length;
        if ((long)m * m > Array.MaxLength)
        {
            throw new ArgumentException($"A dense kinship table of {m} individuals (with ancestors) exceeds the largest array; use mean kinship or pair queries instead.", nameof(members));
        }

        var local = new int[pedigree.Count];
        Array.Fill(local, -1);
        for (var k = 0; k < m; k++)
        {
            local[members[k]] = k;
        }

        var sires = new int[m];
        var dams = new int[m];
        for (var k = 0; k < m; k++)
        {
            var s = pedigree.Sires[members[k]];
            var d = pedigree.Dams[members[k]];
            sires[k] = s >= 0 ? local[s] : -1;
            dams[k] = d >= 0 ? local[d] : -1;
        }

        return KinshipTable.Compute(sires, dams);
    }
}
