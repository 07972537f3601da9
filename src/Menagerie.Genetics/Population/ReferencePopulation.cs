using Menagerie.Genetics.Pedigrees;

namespace Menagerie.Genetics.Population;

/// <summary>How the reference population (the animals whose genetic diversity is measured) is chosen.</summary>
public enum ReferenceRule
{
    /// <summary>The reference column where any row has a value, else alive where any row has a value, else leaves.</summary>
    Auto,

    /// <summary>The individuals the source marks as reference (target) population.</summary>
    ReferenceColumn,

    /// <summary>The individuals recorded alive.</summary>
    Alive,

    /// <summary>The individuals with no recorded offspring.</summary>
    Leaves,

    /// <summary>A set chosen by the caller.</summary>
    Custom,
}

/// <summary>The reference population: a set of individuals of one pedigree, in pedigree order.</summary>
public sealed class ReferencePopulation
{
    private readonly int[] _members;
    private readonly bool[] _contains;

    private ReferencePopulation(ReferenceRule rule, bool[] contains)
    {
        Rule = rule;
        _contains = contains;
        var members = new List<int>();
        for (var i = 0; i < contains.Length; i++)
        {
            if (contains[i])
            {
                members.Add(i);
            }
        }

        _members = [.. members];
    }

    /// <summary>The rule that selected the members (never <see cref="ReferenceRule.Auto"/>).</summary>
    public ReferenceRule Rule { get; }

    /// <summary>Number of members.</summary>
    public int Count => _members.Length;

    /// <summary>Pedigree indices of the members, ascending.</summary>
    public ReadOnlySpan<int> Members => _members;

    /// <summary>Whether an individual is a member.</summary>
    /// <param name="individual">Pedigree index.</param>
    public bool Contains(int individual) => _contains[individual];

    /// <summary>
    /// Selects the reference population by a rule. <see cref="ReferenceRule.Auto"/> takes the
    /// reference column where any row has a value, else alive where any row has a value, else the
    /// individuals without offspring — the rule of the shared reference results.
    /// </summary>
    /// <param name="pedigree">A validated pedigree.</param>
    /// <param name="rule">The rule; <see cref="ReferenceRule.Custom"/> is not accepted here (use <see cref="FromMembers"/>).</param>
    /// <returns>The members (possibly none, e.g. when nobody is alive).</returns>
    public static ReferencePopulation Select(Pedigree pedigree, ReferenceRule rule = ReferenceRule.Auto)
    {
        ArgumentNullException.ThrowIfNull(pedigree);
        if (rule == ReferenceRule.Auto)
        {
            rule = pedigree.HasReferenceValues ? ReferenceRule.ReferenceColumn
                : pedigree.HasAliveValues ? ReferenceRule.Alive
                : ReferenceRule.Leaves;
        }

        return rule switch
        {
            ReferenceRule.ReferenceColumn => new ReferencePopulation(rule, pedigree.Reference.ToArray()),
            ReferenceRule.Alive => new ReferencePopulation(rule, pedigree.Alive.ToArray()),
            ReferenceRule.Leaves => new ReferencePopulation(rule, Leaves(pedigree)),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Use FromMembers for a custom reference population."),
        };
    }

    /// <summary>
    /// The individuals living on a day, as the caller worked them out from birth and death dates: the
    /// <see cref="ReferenceRule.Alive"/> rule on a date other than the one the alive column describes.
    /// </summary>
    /// <param name="pedigree">A validated pedigree.</param>
    /// <param name="living">Whether each individual, by pedigree index, was alive.</param>
    /// <returns>The members, with rule <see cref="ReferenceRule.Alive"/>.</returns>
    public static ReferencePopulation Living(Pedigree pedigree, bool[] living)
    {
        ArgumentNullException.ThrowIfNull(pedigree);
        ArgumentNullException.ThrowIfNull(living);
        ArgumentOutOfRangeException.ThrowIfNotEqual(living.Length, pedigree.Count, nameof(living));
        return new ReferencePopulation(ReferenceRule.Alive, (bool[])living.Clone());
    }

    /// <summary>A reference population chosen by the caller.</summary>
    /// <param name="pedigree">A validated pedigree.</param>
    /// <param name="members">Pedigree indices (duplicates are ignored).</param>
    /// <returns>The set, with rule <see cref="ReferenceRule.Custom"/>.</returns>
    public static ReferencePopulation FromMembers(Pedigree pedigree, IEnumerable<int> members)
    {
        ArgumentNullException.ThrowIfNull(pedigree);
        ArgumentNullException.ThrowIfNull(members);
        var contains = new bool[pedigree.Count];
        foreach (var i in members)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(i, nameof(members));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(i, pedigree.Count, nameof(members));
            contains[i] = true;
        }

        return new ReferencePopulation(ReferenceRule.Custom, contains);
    }

    /// <summary>Indicator vector scaled so that it sums to 1: x(i) = 1/n for members.</summary>
    internal double[] Weights()
    {
        var x = new double[_contains.Length];
        var w = 1.0 / _members.Length;
        foreach (var i in _members)
        {
            x[i] = w;
        }

        return x;
    }

    internal void ThrowIfEmpty()
    {
        if (_members.Length == 0)
        {
            throw new InvalidOperationException($"The reference population ({Rule}) is empty; choose another rule or members.");
        }
    }

    private static bool[] Leaves(Pedigree pedigree)
    {
        var leaf = new bool[pedigree.Count];
        Array.Fill(leaf, true);
        for (var i = 0; i < leaf.Length; i++)
        {
            if (pedigree.Sires[i] >= 0)
            {
                leaf[pedigree.Sires[i]] = false;
            }

            if (pedigree.Dams[i] >= 0)
            {
                leaf[pedigree.Dams[i]] = false;
            }
        }

        return leaf;
    }
}
