namespace Menagerie.Genetics.Pedigrees;

/// <summary>
/// A validated pedigree held in flat arrays, individuals ordered so that parents precede their
/// offspring (index of a parent &lt; index of its offspring). An unknown parent is -1; each unknown
/// parent is a distinct, unrelated founder. Built only through <see cref="Build"/> or
/// <see cref="FromParentIndices"/>, which report every problem at once.
/// </summary>
public sealed class Pedigree
{
    private readonly string[] _ids;
    private readonly int[] _sires;
    private readonly int[] _dams;
    private readonly Sex[] _sexes;
    private readonly int[] _lines;
    private readonly bool[] _alive;
    private readonly bool[] _reference;
    private Dictionary<string, int>? _index;

    internal Pedigree(string[] ids, int[] sires, int[] dams, Sex[] sexes, int[] lines, bool[] alive, bool[] reference, bool hasAlive, bool hasReference)
    {
        _ids = ids;
        _sires = sires;
        _dams = dams;
        _sexes = sexes;
        _lines = lines;
        _alive = alive;
        _reference = reference;
        HasAliveValues = hasAlive;
        HasReferenceValues = hasReference;
    }

    /// <summary>Number of individuals, including parents added because they were not listed.</summary>
    public int Count => _ids.Length;

    /// <summary>Ids in pedigree order.</summary>
    public IReadOnlyList<string> Ids => _ids;

    /// <summary>Sire index of each individual, -1 when unknown.</summary>
    public ReadOnlySpan<int> Sires => _sires;

    /// <summary>Dam index of each individual, -1 when unknown.</summary>
    public ReadOnlySpan<int> Dams => _dams;

    /// <summary>Recorded sex of each individual.</summary>
    public ReadOnlySpan<Sex> Sexes => _sexes;

    /// <summary>Source line of each individual; 0 for a parent added because it was not listed.</summary>
    public ReadOnlySpan<int> Lines => _lines;

    /// <summary>Whether each individual is recorded alive (false where the source does not say).</summary>
    public ReadOnlySpan<bool> Alive => _alive;

    /// <summary>Whether the source puts each individual in its reference population (false where it does not say).</summary>
    public ReadOnlySpan<bool> Reference => _reference;

    /// <summary>Whether any row recorded an alive value.</summary>
    public bool HasAliveValues { get; }

    /// <summary>Whether any row recorded a reference-population value.</summary>
    public bool HasReferenceValues { get; }

    /// <summary>The index of an id, or -1 when it is not in the pedigree.</summary>
    /// <param name="id">The individual's id (ordinal comparison).</param>
    /// <returns>The index in pedigree order, or -1.</returns>
    public int IndexOf(string id)
    {
        ArgumentNullException.ThrowIfNull(id);

        // Built on first use: analyses never look an id up, and a million animals' index is some 30 MB.
        var index = LazyInitializer.EnsureInitialized(ref _index, IndexIds);
        return index.TryGetValue(id, out var i) ? i : -1;
    }

    /// <summary>
    /// Validates the rows and builds the pedigree. Errors (nothing is built): missing and duplicate
    /// ids, self-parents, cycles, female sires, male dams, one individual as both sire and dam,
    /// unknown sex codes. Warnings (the pedigree is built): parents born after offspring, parents
    /// referenced but not listed (added as founders, sex taken from their role).
    /// </summary>
    /// <param name="input">The rows as read.</param>
    /// <returns>Every issue found, and the pedigree when there is no error.</returns>
    public static PedigreeResult Build(PedigreeInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var draft = PedigreeDraft.FromInput(input);
        return draft.Validate();
    }

    /// <summary>
    /// Validates and builds a pedigree from parallel arrays in any order: parent indices refer to
    /// positions in <paramref name="ids"/> (-1 unknown). Reported lines are 1-based positions.
    /// </summary>
    /// <param name="ids">Distinct ids.</param>
    /// <param name="sires">Sire position of each individual, -1 when unknown.</param>
    /// <param name="dams">Dam position of each individual, -1 when unknown.</param>
    /// <param name="sexes">Sex of each individual.</param>
    /// <returns>Every issue found, and the pedigree (reordered parents first) when there is no error.</returns>
    public static PedigreeResult FromParentIndices(IReadOnlyList<string> ids, ReadOnlySpan<int> sires, ReadOnlySpan<int> dams, ReadOnlySpan<Sex> sexes)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (sires.Length != ids.Count || dams.Length != ids.Count || sexes.Length != ids.Count)
        {
            throw new ArgumentException("ids, sires, dams and sexes must have the same length.", nameof(ids));
        }

        var draft = PedigreeDraft.FromIndices(ids, sires, dams, sexes);
        return draft.Validate();
    }

    private Dictionary<string, int> IndexIds()
    {
        var index = new Dictionary<string, int>(_ids.Length, StringComparer.Ordinal);
        for (var i = 0; i < _ids.Length; i++)
        {
            index.Add(_ids[i], i);
        }

        return index;
    }
}
