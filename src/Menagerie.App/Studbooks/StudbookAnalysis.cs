using System.Collections;
using System.Text.Json.Serialization;
using Menagerie.Genetics.Pedigrees;
using Menagerie.Genetics.Population;

namespace Menagerie.App.Studbooks;

/// <summary>The population statistics of a studbook over its reference population.</summary>
public sealed record AnalysisSummary(
    int Individuals, int Reference, int Founders, double GeneDiversity, double MeanKinship, double Fge, double Fe, double MeanInbreeding);

/// <summary>One individual's inbreeding and mean kinship.</summary>
public sealed record IndividualGenetics(string Id, double Inbreeding, double MeanKinship, bool InReference)
{
    /// <summary>
    /// The specimen a studbook kept in the records links this individual to, when the reader may see it;
    /// never written when absent, so the command line's analysis of a file keeps its shape.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Guid? Specimen { get; init; }
}

/// <summary>The studbook analysis: the summary, then every individual in file order (parents added because they were not listed come last).</summary>
public sealed record AnalysisReport(AnalysisSummary Summary, IReadOnlyList<IndividualGenetics> Individuals);

/// <summary>
/// A validated pedigree with its reference population, inbreeding and mean kinship: what every
/// studbook report starts from. Create it with <see cref="Compute"/> once the reference population
/// is known not to be empty.
/// </summary>
public sealed class StudbookAnalysis
{
    private readonly double[] _inbreeding;

    private StudbookAnalysis(Pedigree pedigree, ReferencePopulation reference, double[] inbreeding, MeanKinship meanKinship)
    {
        Pedigree = pedigree;
        Reference = reference;
        _inbreeding = inbreeding;
        MeanKinship = meanKinship;
    }

    public Pedigree Pedigree { get; }
    public ReferencePopulation Reference { get; }
    public MeanKinship MeanKinship { get; }
    public ReadOnlySpan<double> Inbreeding => _inbreeding;

    /// <summary>The words that name the reference rules, for the command line's --reference and the API's reference=.</summary>
    public const string ReferenceWords = "auto, ref, alive, leaves";

    /// <summary>Reads auto, ref, alive or leaves; null or empty means auto.</summary>
    public static bool TryParseReference(string? word, out ReferenceRule rule)
    {
        (var known, rule) = word switch
        {
            null or "" or "auto" => (true, ReferenceRule.Auto),
            "ref" => (true, ReferenceRule.ReferenceColumn),
            "alive" => (true, ReferenceRule.Alive),
            "leaves" => (true, ReferenceRule.Leaves),
            _ => (false, ReferenceRule.Auto),
        };
        return known;
    }

    /// <summary>The reference population a rule selects, which may be empty (e.g. nobody recorded alive).</summary>
    public static ReferencePopulation SelectReference(Pedigree pedigree, ReferenceRule rule) =>
        ReferencePopulation.Select(pedigree, rule);

    /// <summary>
    /// The reference population a rule selects on a day. Who was alive then comes from the birth, death and
    /// departure dates where the studbook has them: an animal born after the day, or dead or gone by it, was
    /// not; one that died or left after it was. An animal with no such dates keeps its alive column, which
    /// describes the day the data were extracted. The other rules do not depend on the day.
    /// </summary>
    public static ReferencePopulation SelectReference(Pedigree pedigree, IReadOnlyList<PedigreeRow> rows, ReferenceRule rule, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(pedigree);
        ArgumentNullException.ThrowIfNull(rows);
        var hasEnds = rows.Any(r => r.Death is not null || r.Departure is not null);
        if (rule == ReferenceRule.Auto)
        {
            rule = pedigree.HasReferenceValues ? ReferenceRule.ReferenceColumn
                : pedigree.HasAliveValues || hasEnds ? ReferenceRule.Alive
                : ReferenceRule.Leaves;
        }
        return rule == ReferenceRule.Alive
            ? ReferencePopulation.Living(pedigree, LivingOn(pedigree, rows, on))
            : ReferencePopulation.Select(pedigree, rule);
    }

    /// <summary>Who was alive on a day, by pedigree index, as <see cref="SelectReference(Pedigree, IReadOnlyList{PedigreeRow}, ReferenceRule, DateOnly)"/> works it out.</summary>
    public static bool[] LivingOn(Pedigree pedigree, IReadOnlyList<PedigreeRow> rows, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(pedigree);
        ArgumentNullException.ThrowIfNull(rows);
        var hasEnds = rows.Any(r => r.Death is not null || r.Departure is not null);
        var living = new bool[pedigree.Count];
        foreach (var row in rows)
        {
            var i = pedigree.IndexOf(row.Id);
            if (i < 0)
                continue;
            var ended = Earliest(row.Death, row.Departure);
            living[i] = Born(row) > on || ended <= on ? false
                : ended is not null ? true
                : pedigree.HasAliveValues ? pedigree.Alive[i]
                : hasEnds;
        }
        return living;
    }

    /// <summary>The birth date, or 1 July of the birth year where only the year is known.</summary>
    public static DateOnly? Born(PedigreeRow row) => row.BirthDate ?? (row.BirthYear is { } year ? new DateOnly(year, 7, 1) : null);

    private static DateOnly? Earliest(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;

    /// <summary>Inbreeding and mean kinship (linear time, no N×N matrix) over a non-empty reference population.</summary>
    public static StudbookAnalysis Compute(Pedigree pedigree, ReferencePopulation reference)
    {
        ArgumentNullException.ThrowIfNull(pedigree);
        ArgumentNullException.ThrowIfNull(reference);
        var inbreeding = Genetics.Kinship.Inbreeding.Compute(pedigree);
        var meanKinship = Genetics.Population.MeanKinship.Compute(pedigree, inbreeding, reference);
        return new StudbookAnalysis(pedigree, reference, inbreeding, meanKinship);
    }

    public AnalysisReport Report()
    {
        var founders = FounderContributions.Compute(Pedigree, Reference);
        var summary = new AnalysisSummary(
            Pedigree.Count,
            Reference.Count,
            founders.FounderCount,
            MeanKinship.GeneDiversity,
            MeanKinship.PopulationMean,
            MeanKinship.FounderGenomeEquivalents,
            founders.FounderEquivalents,
            _inbreeding.Length == 0 ? 0 : _inbreeding.Average());
        return new AnalysisReport(summary, new Individuals(this, FileOrder(Pedigree)));
    }

    private IndividualGenetics Individual(int i) =>
        new(Pedigree.Ids[i], _inbreeding[i], MeanKinship.Values[i], Reference.Contains(i));

    private static int[] FileOrder(Pedigree pedigree)
    {
        var order = new int[pedigree.Count];
        var keys = new long[pedigree.Count];
        var sorted = true;
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
            // Added parents have no line: after every listed row, in pedigree order.
            keys[i] = pedigree.Lines[i] > 0 ? pedigree.Lines[i] : (long)int.MaxValue + i;
            sorted &= i == 0 || keys[i - 1] < keys[i];
        }
        // A studbook listed parents first, as most are, is already in file order: sorting it again costs a tenth of a second a million.
        if (!sorted)
            Array.Sort(keys, order);
        return order;
    }

    // A million individuals as objects would take some 70 MB; each is made when it is read instead, as the JSON writer streams them.
    private sealed class Individuals(StudbookAnalysis analysis, int[] order) : IReadOnlyList<IndividualGenetics>
    {
        public int Count => order.Length;

        public IndividualGenetics this[int index] => analysis.Individual(order[index]);

        public IEnumerator<IndividualGenetics> GetEnumerator()
        {
            for (var k = 0; k < order.Length; k++)
                yield return this[k];
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
