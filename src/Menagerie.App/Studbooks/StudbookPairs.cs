using Menagerie.Genetics.Pedigrees;
using Menagerie.Genetics.Population;

namespace Menagerie.App.Studbooks;

/// <summary>One candidate pairing, ranked by the change in gene diversity its offspring would bring (see <see cref="PairTable"/>).</summary>
public sealed record PairView(
    int Rank, string Sire, string Dam, double Kinship, double OffspringInbreeding, double SireMeanKinship, double DamMeanKinship, double DeltaGeneDiversity);

/// <summary>The best pairs of the reference population, out of <see cref="Candidates"/> male × female pairs.</summary>
public sealed record PairsReport(int Reference, long Candidates, IReadOnlyList<PairView> Pairs);

public static class StudbookPairs
{
    /// <summary>The engine ranks every male × female pair in memory; beyond this many the table would not fit.</summary>
    public const long MaxCandidates = 20_000_000;

    /// <summary>Number of male × female pairs in the reference population.</summary>
    public static long CountCandidates(Pedigree pedigree, ReferencePopulation reference)
    {
        ArgumentNullException.ThrowIfNull(pedigree);
        ArgumentNullException.ThrowIfNull(reference);
        long males = 0;
        long females = 0;
        foreach (var i in reference.Members)
        {
            males += pedigree.Sexes[i] == Sex.Male ? 1 : 0;
            females += pedigree.Sexes[i] == Sex.Female ? 1 : 0;
        }
        return males * females;
    }

    /// <summary>The <paramref name="top"/> best pairs, best first.</summary>
    public static PairsReport Rank(StudbookAnalysis analysis, int top)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        var table = PairTable.Compute(analysis.Pedigree, analysis.Inbreeding, analysis.Reference, analysis.MeanKinship);
        var ids = analysis.Pedigree.Ids;
        var pairs = new PairView[Math.Min(top, table.Count)];
        for (var k = 0; k < pairs.Length; k++)
        {
            pairs[k] = new PairView(
                k + 1, ids[table.Sires[k]], ids[table.Dams[k]], table.Kinship[k], table.OffspringInbreeding[k],
                table.SireMeanKinship[k], table.DamMeanKinship[k], table.DeltaGeneDiversity[k]);
        }
        return new PairsReport(analysis.Reference.Count, table.Count, pairs);
    }
}
