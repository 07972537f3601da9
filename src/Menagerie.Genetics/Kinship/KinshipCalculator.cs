using Menagerie.Genetics.Pedigrees;

namespace Menagerie.Genetics.Kinship;

/// <summary>
/// Kinship f(i,j) of any pair, tracing only the ancestors of the two individuals:
/// f(i,j) = ½ A(i,j) = ½ Σ_k L(i,k) L(j,k) D(k) over common ancestors k (and i or j themselves),
/// with A = L D L′ as in Meuwissen &amp; Luo (1992), <i>Genet. Sel. Evol.</i> 24:305–313.
/// f(i,i) = ½ (1 + F(i)).
/// </summary>
/// <remarks>Reuses scratch arrays between calls: one instance per thread.</remarks>
public sealed class KinshipCalculator
{
    private readonly Pedigree _pedigree;
    private readonly double[] _inbreeding;
    private readonly double[] _d;
    private readonly double[] _li;
    private readonly double[] _lj;
    private readonly List<int> _touchedI = [];
    private readonly List<int> _touchedJ = [];
    private MaxHeap _heap = new(64);

    /// <summary>Prepares pair queries over a pedigree.</summary>
    /// <param name="pedigree">A validated pedigree.</param>
    /// <param name="inbreeding">F of every individual (from <see cref="Inbreeding.Compute"/>).</param>
    public KinshipCalculator(Pedigree pedigree, ReadOnlySpan<double> inbreeding)
    {
        ArgumentNullException.ThrowIfNull(pedigree);
        _pedigree = pedigree;
        _inbreeding = inbreeding.ToArray();
        _d = Inbreeding.MendelianVariances(pedigree, inbreeding);
        _li = new double[pedigree.Count];
        _lj = new double[pedigree.Count];
    }

    /// <summary>Kinship (coancestry) f(i,j): the probability that alleles drawn at random from i and j are identical by descent.</summary>
    /// <param name="i">Index of the first individual.</param>
    /// <param name="j">Index of the second individual.</param>
    /// <returns>f(i,j), symmetric in i and j.</returns>
    public double Kinship(int i, int j)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(i);
        ArgumentOutOfRangeException.ThrowIfNegative(j);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(i, _pedigree.Count);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(j, _pedigree.Count);
        if (i == j)
        {
            return 0.5 * (1 + _inbreeding[i]);
        }

        Trace(i, _li, _touchedI);
        Trace(j, _lj, _touchedJ);
        var sum = 0.0;
        foreach (var k in _touchedI)
        {
            sum += _li[k] * _lj[k] * _d[k];
        }

        Reset(_li, _touchedI);
        Reset(_lj, _touchedJ);
        return 0.5 * sum;
    }

    /// <summary>Fills row L(start, ·) for start and its ancestors; youngest first so each value is complete before it is passed on.</summary>
    private void Trace(int start, double[] l, List<int> touched)
    {
        var sires = _pedigree.Sires;
        var dams = _pedigree.Dams;
        l[start] = 1;
        _heap.Push(start);
        while (!_heap.IsEmpty)
        {
            var k = _heap.Pop();
            touched.Add(k);
            var half = 0.5 * l[k];
            Pass(sires[k], half, l);
            Pass(dams[k], half, l);
        }
    }

    private void Pass(int parent, double value, double[] l)
    {
        if (parent < 0)
        {
            return;
        }

        if (l[parent] == 0)
        {
            _heap.Push(parent);
        }

        l[parent] += value;
    }

    private static void Reset(double[] l, List<int> touched)
    {
        foreach (var k in touched)
        {
            l[k] = 0;
        }

        touched.Clear();
    }
}
