using Menagerie.Genetics.Pedigrees;
using Menagerie.Genetics.Population;

namespace Menagerie.App.Studbooks.Plots;

/// <summary>Mean kinship of the reference population in equal-width bins; bin k covers [Edges[k], Edges[k+1]).</summary>
public sealed record MeanKinshipHistogram(IReadOnlyList<double> Edges, IReadOnlyList<int> Counts, double PopulationMean, int ReferenceCount);

/// <summary>Living animals of one age class (ages From to From + Width − 1 whole years), by sex.</summary>
public sealed record AgeClass(int From, int Width, int Males, int Females, int Unknown);

/// <summary>
/// The living animals by age class and sex on a date. Animals with no birth date or year are counted
/// apart (by sex: males, females, unknown).
/// </summary>
public sealed record AgeSexPyramid(DateOnly On, IReadOnlyList<AgeClass> Classes, AgeClass UnknownAge, int Living);

/// <summary>
/// One founder's expected contribution p to the reference population. <see cref="Founder"/> is the founder's id, or,
/// for the unknown parent of a half-founder, the id of the individual whose parent it is.
/// </summary>
public sealed record FounderShare(string Founder, FounderKind Kind, double Contribution);

/// <summary>
/// The founders that contribute to the reference population, largest share first, with the share
/// each would have if all contributed equally (1 / their number).
/// </summary>
public sealed record FounderRepresentation(IReadOnlyList<FounderShare> Founders, int AllFounders, double EqualShare, double FounderEquivalents);

/// <summary>
/// One box of a pedigree chart: generation 0 is the individual, 1 its parents, 2 its grandparents;
/// Slot numbers the boxes of a generation from the top, sire before dam. Id is null for an unknown parent.
/// </summary>
public sealed record PedigreeChartBox(int Generation, int Slot, string? Id, Sex Sex);

/// <summary>An individual's ancestors up to <see cref="Generations"/> generations back.</summary>
public sealed record PedigreeChart(string Individual, int Generations, IReadOnlyList<PedigreeChartBox> Boxes);

/// <summary>What each plot draws, computed from the engine's results, never re-derived from pixels.</summary>
public static class StudbookPlotData
{
    public static MeanKinshipHistogram MeanKinship(StudbookAnalysis analysis, int bins = 20)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var mk = analysis.MeanKinship.Values;
        var members = analysis.Reference.Members;
        var min = double.MaxValue;
        var max = double.MinValue;
        foreach (var i in members)
        {
            min = Math.Min(min, mk[i]);
            max = Math.Max(max, mk[i]);
        }
        // A population whose animals all share one MK still gets a visible bin.
        var width = max > min ? (max - min) / bins : Math.Max(min, 1e-3) / bins;
        var edges = new double[bins + 1];
        for (var k = 0; k <= bins; k++)
            edges[k] = min + (k * width);
        var counts = new int[bins];
        foreach (var i in members)
            counts[Math.Min(bins - 1, (int)((mk[i] - min) / width))]++;
        return new MeanKinshipHistogram(edges, counts, analysis.MeanKinship.PopulationMean, analysis.Reference.Count);
    }

    /// <summary>
    /// The animals living on <paramref name="on"/> (see <see cref="StudbookAnalysis.LivingOn"/>) by age in whole years;
    /// a birth year alone counts as born on 1 July of that year.
    /// </summary>
    public static AgeSexPyramid AgeSex(Pedigree pedigree, IReadOnlyList<PedigreeRow> rows, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(pedigree);
        ArgumentNullException.ThrowIfNull(rows);
        var births = new Dictionary<string, DateOnly>(rows.Count, StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (StudbookAnalysis.Born(row) is { } birth)
                births.TryAdd(row.Id, birth);
        }
        var ages = new List<(int Age, Sex Sex)>();
        var unknown = new int[3];
        var living = 0;
        var alive = StudbookAnalysis.LivingOn(pedigree, rows, on);
        for (var i = 0; i < pedigree.Count; i++)
        {
            if (!alive[i])
                continue;
            living++;
            if (births.TryGetValue(pedigree.Ids[i], out var birth) && birth <= on)
                ages.Add((Age(birth, on), pedigree.Sexes[i]));
            else
                unknown[SexIndex(pedigree.Sexes[i])]++;
        }
        return new AgeSexPyramid(on, Classes(ages), new AgeClass(-1, 0, unknown[0], unknown[1], unknown[2]), living);
    }

    public static FounderRepresentation Founders(StudbookAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var founders = FounderContributions.Compute(analysis.Pedigree, analysis.Reference);
        var shares = new List<FounderShare>();
        for (var k = 0; k < founders.Count; k++)
        {
            // The engine lists contributions largest first, so the contributing founders come first.
            if (founders.Contributions[k] > 0)
                shares.Add(new FounderShare(analysis.Pedigree.Ids[founders.Individuals[k]], founders.Kinds[k], founders.Contributions[k]));
        }
        var equal = shares.Count == 0 ? 0 : 1.0 / shares.Count;
        return new FounderRepresentation(shares, founders.Count, equal, founders.FounderEquivalents);
    }

    /// <summary>The individual and its ancestors, <paramref name="generations"/> generations back; null when the id is not in the pedigree.</summary>
    public static PedigreeChart? Ancestors(Pedigree pedigree, string individual, int generations = 3)
    {
        ArgumentNullException.ThrowIfNull(pedigree);
        ArgumentNullException.ThrowIfNull(individual);
        ArgumentOutOfRangeException.ThrowIfLessThan(generations, 1);
        var start = pedigree.IndexOf(individual);
        if (start < 0)
            return null;
        var boxes = new List<PedigreeChartBox> { new(0, 0, individual, pedigree.Sexes[start]) };
        var current = new[] { start };
        for (var g = 1; g <= generations; g++)
        {
            var next = new int[current.Length * 2];
            for (var k = 0; k < current.Length; k++)
            {
                next[2 * k] = current[k] < 0 ? -1 : pedigree.Sires[current[k]];
                next[(2 * k) + 1] = current[k] < 0 ? -1 : pedigree.Dams[current[k]];
            }
            for (var slot = 0; slot < next.Length; slot++)
            {
                var i = next[slot];
                // Below an unknown ancestor there is nothing to show: its box is drawn once, its parents not at all.
                if (current[slot / 2] >= 0)
                    boxes.Add(new PedigreeChartBox(g, slot, i < 0 ? null : pedigree.Ids[i], i < 0 ? (slot % 2 == 0 ? Sex.Male : Sex.Female) : pedigree.Sexes[i]));
            }
            current = next;
        }
        return new PedigreeChart(individual, generations, boxes);
    }

    /// <summary>Whole years from birth to a day.</summary>
    public static int Age(DateOnly birth, DateOnly on)
    {
        var age = on.Year - birth.Year;
        return on < birth.AddYears(age) ? age - 1 : age;
    }

    private static int SexIndex(Sex sex) => sex switch
    {
        Sex.Male => 0,
        Sex.Female => 1,
        _ => 2,
    };

    private static List<AgeClass> Classes(List<(int Age, Sex Sex)> ages)
    {
        if (ages.Count == 0)
            return [];
        var oldest = ages.Max(a => a.Age);
        // At most about 25 classes: one year each for a short-lived species, five for a long-lived one.
        var width = oldest < 25 ? 1 : oldest < 50 ? 2 : 5;
        var counts = new int[(oldest / width) + 1, 3];
        foreach (var (age, sex) in ages)
            counts[age / width, SexIndex(sex)]++;
        var classes = new List<AgeClass>(counts.GetLength(0));
        for (var c = 0; c < counts.GetLength(0); c++)
            classes.Add(new AgeClass(c * width, width, counts[c, 0], counts[c, 1], counts[c, 2]));
        return classes;
    }
}
