using System.Globalization;
using Menagerie.Genetics.Kinship;
using Menagerie.Genetics.Population;
using Menagerie.Genetics.Tests.Support;
using static Menagerie.Genetics.Tests.Support.PedigreeCsv;

namespace Menagerie.Genetics.Tests.Conformance;

/// <summary>
/// Agreement with the results of kinship2, nadiv, pedigreemm and pedigree on every dataset found
/// (see ../shared/data/pedigrees/README.md): F, MK, GD and p to 1e-9 absolute, FGE and FE to 1e-9 relative.
/// </summary>
public sealed class ConformanceTests
{
    private const double Absolute = 1e-9;

    public static TheoryData<string> Datasets => [.. PedigreeData.Datasets()];

    public static TheoryData<string> Studbooks => [.. PedigreeData.Datasets().Where(d => PedigreeData.Has(d, "founder_contributions.csv"))];

    public static TheoryData<string> WithPairs => [.. PedigreeData.Datasets().Where(d => PedigreeData.Has(d, "pairs_deltaGD.csv"))];

    public static TheoryData<string> WithKinship => [.. PedigreeData.Datasets().Where(d => PedigreeData.Has(d, "kinship.csv.gz"))];

    [Fact]
    public void Datasets_are_found_including_the_copied_ones()
    {
        Assert.Superset(
            new HashSet<string>(["lacy1989", "nprc_examplePedigree", "nprc_jmac", "nprc_qcPed", "nprc_rhesus"], StringComparer.Ordinal),
            new HashSet<string>(PedigreeData.Datasets(), StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Datasets))]
    public void Inbreeding_of_dataset_matches_reference_packages(string dataset)
    {
        var data = ReferenceDataset.Load(dataset);
        var rows = data.Table(data.IsSynthetic ? "F_MK.csv" : "F.csv");

        Assert.Equal(data.Pedigree.Count, rows.Count);
        var worst = new WorstError(dataset, "F");
        foreach (var row in rows)
        {
            var expected = Number(row[data.IsSynthetic ? "F" : "F_pedigreemm"]);
            worst.Add(row["id"], expected, data.Inbreeding[data.Index(row["id"])]);
        }

        worst.AssertWithin(Absolute);
    }

    [Theory]
    [MemberData(nameof(Datasets))]
    public void MeanKinship_of_dataset_matches_reference_sparse_method(string dataset)
    {
        var data = ReferenceDataset.Load(dataset);
        var rows = data.Table(data.IsSynthetic ? "F_MK.csv" : "MK.csv");

        var inReference = rows.Count(r => r[data.IsSynthetic ? "alive" : "in_ref"] == "1");
        Assert.Equal(inReference, data.Reference.Count);
        var worst = new WorstError(dataset, "MK");
        foreach (var row in rows)
        {
            var i = data.Index(row["id"]);
            Assert.Equal(row[data.IsSynthetic ? "alive" : "in_ref"] == "1", data.Reference.Contains(i));
            worst.Add(row["id"], Number(row[data.IsSynthetic ? "MK_alive" : "MK"]), data.MeanKinship.Values[i]);
        }

        worst.AssertWithin(Absolute);
    }

    [Theory]
    [MemberData(nameof(Datasets))]
    public void GeneDiversity_and_FGE_of_dataset_match_reference_summary(string dataset)
    {
        var data = ReferenceDataset.Load(dataset);
        var summary = data.Summary();

        var gd = Number(summary[data.IsSynthetic ? "GD_alive" : "GD"]);
        var fge = Number(summary[data.IsSynthetic ? "FGE_alive" : "FGE"]);
        var gdError = new WorstError(dataset, "GD");
        gdError.Add("population", gd, data.MeanKinship.GeneDiversity);
        gdError.AssertWithin(Absolute);
        var fgeError = new WorstError(dataset, "FGE relative");
        fgeError.Add("population", 1, data.MeanKinship.FounderGenomeEquivalents / fge);
        fgeError.AssertWithin(Absolute);
        Assert.Equal(Number(summary["meanF_all"]), data.Inbreeding.Average(), Absolute);
    }

    [Theory]
    [MemberData(nameof(Studbooks))]
    public void FounderContributions_of_dataset_match_reference(string dataset)
    {
        var data = ReferenceDataset.Load(dataset);
        var founders = FounderContributions.Compute(data.Pedigree, data.Reference);
        var rows = data.Table("founder_contributions.csv");

        var byName = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var k = 0; k < founders.Count; k++)
        {
            var id = data.Pedigree.Ids[founders.Individuals[k]];
            byName.Add(founders.Kinds[k] == FounderKind.Founder ? id : "UNK_parent_of_" + id, founders.Contributions[k]);
        }

        Assert.Equal(rows.Count, founders.Count);
        var worst = new WorstError(dataset, "p");
        foreach (var row in rows)
        {
            Assert.True(byName.TryGetValue(row["founder"], out var p), $"{row["founder"]} is not a founder here");
            worst.Add(row["founder"], Number(row["p"]), p);
        }

        worst.AssertWithin(Absolute);
        var fe = new WorstError(dataset, "FE relative");
        fe.Add("population", 1, founders.FounderEquivalents / Number(data.Summary()["FE"]));
        fe.AssertWithin(Absolute);
        Assert.Equal(
            (int.Parse(data.Summary()["n_founders"], CultureInfo.InvariantCulture), int.Parse(data.Summary()["n_half_founders"], CultureInfo.InvariantCulture), int.Parse(data.Summary()["n_contrib_founders"], CultureInfo.InvariantCulture)),
            (founders.FounderCount, founders.HalfFounderCount, founders.ContributingFounderCount));
    }

    [Theory]
    [MemberData(nameof(WithPairs))]
    public void PairTable_of_dataset_matches_reference_delta_gene_diversity(string dataset)
    {
        var data = ReferenceDataset.Load(dataset);
        var pairs = PairTable.Compute(data.Pedigree, data.Inbreeding, data.Reference, data.MeanKinship);
        var rows = data.Table("pairs_deltaGD.csv");

        var row = new Dictionary<(string, string), int>();
        for (var k = 0; k < pairs.Count; k++)
        {
            row.Add((data.Pedigree.Ids[pairs.Sires[k]], data.Pedigree.Ids[pairs.Dams[k]]), k);
        }

        Assert.Equal(rows.Count, pairs.Count);
        var worst = new WorstError(dataset, "pairs (kinship, offspring F, MK, ΔGD)");
        foreach (var expected in rows)
        {
            var k = row[(expected["sire"], expected["dam"])];
            var where = expected["sire"] + "×" + expected["dam"];
            worst.Add(where, Number(expected["kinship"]), pairs.Kinship[k]);
            worst.Add(where, Number(expected["offspring_F"]), pairs.OffspringInbreeding[k]);
            worst.Add(where, Number(expected["MK_sire"]), pairs.SireMeanKinship[k]);
            worst.Add(where, Number(expected["MK_dam"]), pairs.DamMeanKinship[k]);
            worst.Add(where, Number(expected["delta_GD"]), pairs.DeltaGeneDiversity[k]);
        }

        worst.AssertWithin(Absolute);
    }

    [Theory]
    [MemberData(nameof(WithKinship))]
    public void KinshipMatrix_of_dataset_matches_reference_matrix(string dataset)
    {
        var data = ReferenceDataset.Load(dataset);
        var rows = data.RawTable("kinship.csv.gz");
        var ids = rows[0].Skip(1).ToArray();
        var subset = ids.Select(data.Index).ToArray();

        var matrix = KinshipMatrix.Compute(data.Pedigree, subset);

        Assert.Equal(ids.Length + 1, rows.Count);
        var worst = new WorstError(dataset, "kinship matrix");
        for (var r = 0; r < ids.Length; r++)
        {
            var values = rows[r + 1];
            Assert.Equal(ids[r], values[0]);
            for (var c = 0; c < ids.Length; c++)
            {
                worst.Add(ids[r] + "," + ids[c], Number(values[c + 1]), matrix[r, c]);
            }
        }

        worst.AssertWithin(Absolute);
    }

    [Theory]
    [MemberData(nameof(Datasets))]
    public void GeneDrop_of_dataset_estimates_gene_diversity_within_three_standard_errors(string dataset)
    {
        var data = ReferenceDataset.Load(dataset);
        var iterations = Math.Clamp(4_000_000 / data.Pedigree.Count, 200, 5000);

        var drop = GeneDrop.Run(data.Pedigree, data.Reference, iterations, seed: 20261129, cancellationToken: TestContext.Current.CancellationToken);

        var gd = data.MeanKinship.GeneDiversity;
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{dataset} gene drop: {iterations} iterations, GD {drop.GeneDiversity:F6} ± {drop.StandardError:E2} vs pedigree {gd:F6} ({(drop.GeneDiversity - gd) / drop.StandardError:F2} SE)"));
        Assert.InRange(drop.GeneDiversity, gd - (3 * drop.StandardError), gd + (3 * drop.StandardError));
    }
}
