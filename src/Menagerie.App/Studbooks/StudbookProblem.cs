using System.Text.Json.Serialization;
using Menagerie.Genetics.Pedigrees;

namespace Menagerie.App.Studbooks;

/// <summary>
/// One problem in a studbook file, from the reader (a column, a date, a flag) or from the genetics
/// engine's validation (duplicate ids, cycles, …): which file, which line, which field or id, and what is wrong.
/// </summary>
/// <param name="Severity">An error stops the analysis; a warning does not.</param>
/// <param name="File">The file as the user named it.</param>
/// <param name="Line">1-based line; 0 for a parent added because it was not listed.</param>
/// <param name="Field">The column concerned, for problems found while reading.</param>
/// <param name="Id">The individual concerned, where known.</param>
/// <param name="Message">A sentence for the user.</param>
public sealed record StudbookProblem(PedigreeIssueSeverity Severity, string File, int Line, string? Field, string? Id, string Message)
{
    [JsonIgnore]
    public bool IsError => Severity == PedigreeIssueSeverity.Error;

    /// <summary>Field for reading problems, else the individual's id.</summary>
    public string Subject => Field ?? Id ?? "file";

    public override string ToString()
    {
        var where = Line > 0 ? $"{File}:{Line}" : File;
        var warning = IsError ? "" : "warning: ";
        return $"{where}: {Subject}: {warning}{Message}";
    }

    public static StudbookProblem FromIssue(string file, PedigreeIssue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        return new(issue.Severity, file, issue.Line, null, issue.Id, issue.Message);
    }
}
