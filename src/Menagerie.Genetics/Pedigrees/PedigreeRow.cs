namespace Menagerie.Genetics.Pedigrees;

/// <summary>
/// One studbook row as a reader found it: string ids, the parents as written (any unknown-parent
/// token, see <see cref="PedigreeInput.IsUnknownParent"/>), the raw sex code and the optional life data.
/// </summary>
/// <remarks>Used only while building a <see cref="Pedigree"/>; analyses run over flat arrays.</remarks>
public readonly record struct PedigreeRow
{
    /// <summary>The individual's id (studbook number); compared ordinally after trimming spaces.</summary>
    public required string Id { get; init; }

    /// <summary>The sire's id, or <see langword="null"/> or an unknown-parent token when unknown.</summary>
    public string? Sire { get; init; }

    /// <summary>The dam's id, or <see langword="null"/> or an unknown-parent token when unknown.</summary>
    public string? Dam { get; init; }

    /// <summary>The sex code as written (see <see cref="SexCodes.TryParse"/>); blank means unknown.</summary>
    public string? Sex { get; init; }

    /// <summary>The line in the source file (1-based); 0 reports the row's 1-based position instead.</summary>
    public int Line { get; init; }

    /// <summary>Full birth date, where the source has one.</summary>
    public DateOnly? BirthDate { get; init; }

    /// <summary>Birth year, where the source has only a year.</summary>
    public int? BirthYear { get; init; }

    /// <summary>Death date, where the source has one; a year alone reads as 1 July of that year.</summary>
    public DateOnly? Death { get; init; }

    /// <summary>
    /// The date the individual left the managed population (exported, released, lost to follow-up), where the
    /// source has one; a year alone reads as 1 July of that year.
    /// </summary>
    public DateOnly? Departure { get; init; }

    /// <summary>Whether the individual is alive; <see langword="null"/> when the source does not say.</summary>
    public bool? Alive { get; init; }

    /// <summary>Whether the source puts the individual in its reference (target) population.</summary>
    public bool? Reference { get; init; }
}
