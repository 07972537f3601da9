using Menagerie.Genetics.Pedigrees;

namespace Menagerie.Genetics.Kinship;

/// <summary>
/// The product y = A·x of the numerator relationship matrix A (A = 2 × kinship) with a vector, in
/// time linear in the pedigree size and without forming A: Colleau (2002), <i>Genet. Sel. Evol.</i>
/// 34:409–421, using A = T D T′ with T = (I − P)⁻¹, where P holds ½ at (i, sire) and (i, dam).
/// Step 1 solves (I − P′)w = x from the youngest individual to the oldest; step 2 scales by the
/// Mendelian sampling variances D; step 3 solves (I − P)y = D·w from the oldest to the youngest.
/// </summary>
/// <remarks>Holds a scratch vector: one instance per thread.</remarks>
public sealed class RelationshipOperator
{
    private readonly Pedigree _pedigree;
    private readonly double[] _d;
    private readonly double[] _w;

    /// <summary>Prepares the operator for a pedigree and its inbreeding coefficients.</summary>
    /// <param name="pedigree">A validated pedigree.</param>
    /// <param name="inbreeding">F of every individual (from <see cref="Inbreeding.Compute"/>).</param>
    public RelationshipOperator(Pedigree pedigree, ReadOnlySpan<double> inbreeding)
    {
        ArgumentNullException.ThrowIfNull(pedigree);
        _pedigree = pedigree;
        _d = Inbreeding.MendelianVariances(pedigree, inbreeding);
        _w = new double[pedigree.Count];
    }

    /// <summary>Number of individuals (the order of A).</summary>
    public int Count => _pedigree.Count;

    /// <summary>Computes y = A·x (A the numerator relationship matrix, A(i,j) = 2 f(i,j)).</summary>
    /// <param name="x">One value per individual.</param>
    /// <param name="y">Receives A·x; one value per individual.</param>
    public void Multiply(ReadOnlySpan<double> x, Span<double> y)
    {
        var n = Count;
        if (x.Length != n || y.Length != n)
        {
            throw new ArgumentException("x and y need one value per individual.", nameof(x));
        }

        var sires = _pedigree.Sires;
        var dams = _pedigree.Dams;
        var w = _w.AsSpan();
        x.CopyTo(w);
        TransposeSolve(sires, dams, w);
        System.Numerics.Tensors.TensorPrimitives.Multiply(_d, w, y);
        for (var i = 0; i < n; i++)
        {
            var s = sires[i];
            var m = dams[i];
            var parents = (s >= 0 ? y[s] : 0) + (m >= 0 ? y[m] : 0);
            y[i] += 0.5 * parents;
        }
    }

    /// <summary>Solves (I − P′)w = x in place: w(j) = x(j) + ½ Σ over offspring i of j of w(i), i.e. w = T′x.</summary>
    internal static void TransposeSolve(ReadOnlySpan<int> sires, ReadOnlySpan<int> dams, Span<double> w)
    {
        for (var i = w.Length - 1; i >= 0; i--)
        {
            var half = 0.5 * w[i];
            if (half == 0)
            {
                continue;
            }

            var s = sires[i];
            var m = dams[i];
            if (s >= 0)
            {
                w[s] += half;
            }

            if (m >= 0)
            {
                w[m] += half;
            }
        }
    }
}
