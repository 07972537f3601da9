using System.Text;
using Menagerie.App.Files;
using Menagerie.Genetics.Pedigrees;
using Sylvan.Data.Csv;

namespace Menagerie.App.Studbooks;

/// <summary>How loading a studbook file ended.</summary>
public abstract record StudbookLoad
{
    private StudbookLoad() { }

    /// <summary>Every problem found, errors and warnings, ordered by line.</summary>
    public abstract IReadOnlyList<StudbookProblem> Problems { get; }

    /// <summary>The pedigree was built; warnings may remain.</summary>
    public sealed record Loaded(Pedigree Pedigree, IReadOnlyList<StudbookProblem> Problems) : StudbookLoad
    {
        public override IReadOnlyList<StudbookProblem> Problems { get; } = Problems;

        /// <summary>
        /// The rows as read, in file order (birth dates and years, which the pedigree does not keep), when asked
        /// for: an analysis of a million animals has no use for them and should not carry them.
        /// </summary>
        public IReadOnlyList<PedigreeRow> Rows { get; init; } = [];

        /// <summary>The date the data were extracted, when the file has an as_of column.</summary>
        public DateOnly? AsOf { get; init; }
    }

    /// <summary>At least one error: nothing may be analysed.</summary>
    public sealed record Rejected(IReadOnlyList<StudbookProblem> Problems) : StudbookLoad
    {
        public override IReadOnlyList<StudbookProblem> Problems { get; } = Problems;
    }

    /// <summary>The file could not be opened or is not CSV at all: empty, not text, or with a quote never closed.</summary>
    public sealed record Unreadable(InputProblem Problem) : StudbookLoad
    {
        public override IReadOnlyList<StudbookProblem> Problems => [];

        /// <summary>As the command line prints it: <c>file:line: file: problem</c>.</summary>
        public string Message => Problem.ToString();
    }
}

/// <summary>
/// Reads a studbook file and validates it with the genetics engine, merging the reader's problems
/// (columns, dates, flags) with the engine's (duplicate ids, cycles, sex conflicts, …) so the user
/// sees all of them at once.
/// </summary>
public static class StudbookLoader
{
    public static async Task<StudbookLoad> LoadAsync(string path, CancellationToken ct, bool keepRows = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            await using var stream = File.OpenRead(path);
            using var text = CsvTable.OpenText(stream);
            return await LoadAsync(text, path, ct, keepRows);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new StudbookLoad.Unreadable(new InputProblem(path, 0, "file", $"Cannot read the file: {e.Message}"));
        }
    }

    /// <summary>
    /// Reads and validates the text of a studbook file. A file that is not CSV at all — empty, not text (given a
    /// reader from <see cref="CsvTable.OpenText"/>), or with a quote never closed — is unreadable, with its line.
    /// </summary>
    public static async Task<StudbookLoad> LoadAsync(TextReader text, string file, CancellationToken ct, bool keepRows = false)
    {
        StudbookFile read;
        try
        {
            read = await StudbookReader.ReadAsync(text, file, ct);
        }
        catch (CsvMissingHeadersException)
        {
            return new StudbookLoad.Unreadable(CsvTable.Empty(file, ["id", "sire", "dam"]));
        }
        catch (CsvFormatException e)
        {
            return new StudbookLoad.Unreadable(CsvTable.NotCsv(file, (int)Math.Max(1, e.RowNumber + 1), e));
        }
        catch (DecoderFallbackException)
        {
            return new StudbookLoad.Unreadable(CsvTable.NotText(file, 1));
        }
        return Validate(read, file, keepRows);
    }

    /// <summary>Runs the engine's validation even after reading problems, so every problem is reported at once.</summary>
    public static StudbookLoad Validate(StudbookFile read, string file, bool keepRows = false)
    {
        ArgumentNullException.ThrowIfNull(read);
        var built = Pedigree.Build(read.Input);
        var problems = read.Problems
            .Concat(built.Issues.Select(i => StudbookProblem.FromIssue(file, i)))
            .OrderBy(p => p.Line == 0 ? int.MaxValue : p.Line)
            .ToList();
        return built.Succeeded && !read.HasErrors
            ? new StudbookLoad.Loaded(built.Pedigree, problems) { Rows = keepRows ? read.Input.Rows : [], AsOf = read.AsOf }
            : new StudbookLoad.Rejected(problems);
    }
}
