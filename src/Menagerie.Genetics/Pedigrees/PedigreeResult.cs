using System.Diagnostics.CodeAnalysis;

namespace Menagerie.Genetics.Pedigrees;

/// <summary>
/// The outcome of building a <see cref="Pedigree"/>: every problem found (errors and warnings,
/// ordered by source line), and the pedigree when there was no error.
/// </summary>
public sealed class PedigreeResult
{
    internal PedigreeResult(Pedigree? pedigree, IReadOnlyList<PedigreeIssue> issues)
    {
        Pedigree = pedigree;
        Issues = issues;
    }

    /// <summary>The validated pedigree, or <see langword="null"/> when any error was found.</summary>
    public Pedigree? Pedigree { get; }

    /// <summary>Whether the pedigree was built (no errors; warnings may remain).</summary>
    [MemberNotNullWhen(true, nameof(Pedigree))]
    public bool Succeeded => Pedigree is not null;

    /// <summary>Every problem found, errors and warnings, ordered by source line.</summary>
    public IReadOnlyList<PedigreeIssue> Issues { get; }

    /// <summary>The problems that stop the analysis.</summary>
    public IReadOnlyList<PedigreeIssue> Errors => [.. Issues.Where(i => i.Severity == PedigreeIssueSeverity.Error)];

    /// <summary>The problems reported without stopping the analysis.</summary>
    public IReadOnlyList<PedigreeIssue> Warnings => [.. Issues.Where(i => i.Severity == PedigreeIssueSeverity.Warning)];
}
