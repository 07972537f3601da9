using Menagerie.App.Files;

namespace Menagerie.App.Compliance.Reference;

/// <summary>What reading reference files gave: their content, or every problem found in them.</summary>
public abstract record ReadResult<T>
{
    private ReadResult() { }

    public sealed record Read(T Value) : ReadResult<T>;

    /// <summary>Every problem in the files, each with file, line and field; nothing was read.</summary>
    public sealed record Rejected(IReadOnlyList<InputProblem> Problems) : ReadResult<T>;
}
