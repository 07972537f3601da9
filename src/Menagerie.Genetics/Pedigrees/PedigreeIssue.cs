namespace Menagerie.Genetics.Pedigrees;

/// <summary>What is wrong with a pedigree row.</summary>
public enum PedigreeIssueKind
{
    /// <summary>Error: a row without an id.</summary>
    MissingId,

    /// <summary>Error: a second row with an id already listed.</summary>
    DuplicateId,

    /// <summary>Error: an individual recorded as its own sire or dam.</summary>
    SelfParent,

    /// <summary>Error: individuals that are their own ancestors; <see cref="PedigreeIssue.Related"/> names the cycle.</summary>
    Cycle,

    /// <summary>Error: a sire recorded as female.</summary>
    SireIsFemale,

    /// <summary>Error: a dam recorded as male.</summary>
    DamIsMale,

    /// <summary>Error: one individual recorded as a sire and as a dam.</summary>
    SireAndDam,

    /// <summary>Error: a sex code that is not recognised.</summary>
    UnknownSexCode,

    /// <summary>Error: a parent index outside the pedigree (array input only).</summary>
    ParentOutOfRange,

    /// <summary>Warning: a parent born after its offspring (by date, or by year when only years are known).</summary>
    ParentBornAfterOffspring,

    /// <summary>Warning: a parent referenced but not listed; it is added as a founder.</summary>
    ParentNotListed,
}

/// <summary>Whether an issue stops the analysis.</summary>
public enum PedigreeIssueSeverity
{
    /// <summary>The pedigree is not analysed.</summary>
    Error,

    /// <summary>Reported; the analysis goes on.</summary>
    Warning,
}

/// <summary>One problem found in a pedigree, located by source line and id.</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Severity">Error (stops the analysis) or warning.</param>
/// <param name="Line">Source line of the row concerned (1-based), or 0 for a parent added because it was not listed.</param>
/// <param name="Id">Id of the individual whose row is concerned.</param>
/// <param name="Message">A sentence for the user naming the problem.</param>
/// <param name="Related">Other ids involved: the parent, the first row of a duplicate, the members of a cycle in order.</param>
public sealed record PedigreeIssue(
    PedigreeIssueKind Kind,
    PedigreeIssueSeverity Severity,
    int Line,
    string Id,
    string Message,
    IReadOnlyList<string> Related);
