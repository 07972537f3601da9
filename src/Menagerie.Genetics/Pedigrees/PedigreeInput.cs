namespace Menagerie.Genetics.Pedigrees;

/// <summary>
/// The rows of a studbook in file order, as a reader (CSV, PMx/SPARKS export) collects them
/// before validation. Build the analysable <see cref="Pedigree"/> with <see cref="Pedigree.Build"/>.
/// </summary>
public sealed class PedigreeInput
{
    // Tokens that studbooks and their exports use for "parent unknown" (DESIGN.md, Files).
    private static readonly string[] UnknownParentTokens = ["0", "NA", "UNK", "UNKNOWN", "WILD", "*", "-"];

    private readonly List<PedigreeRow> _rows = [];

    /// <summary>The rows added so far, in input order.</summary>
    public IReadOnlyList<PedigreeRow> Rows => _rows;

    /// <summary>Adds one row.</summary>
    /// <param name="row">The row as read.</param>
    public void Add(in PedigreeRow row)
    {
        if (row.Id is null)
        {
            throw new ArgumentException("A row needs an id (an empty one is reported as an error).", nameof(row));
        }

        _rows.Add(row);
    }

    /// <summary>
    /// Whether a parent field means "unknown": blank, <c>0</c>, <c>NA</c>, <c>UNK</c>, <c>UNKNOWN</c>,
    /// <c>WILD</c>, <c>*</c> or <c>-</c>, in any case. Every unknown parent is a distinct founder.
    /// </summary>
    /// <param name="parent">The parent field as written.</param>
    /// <returns><see langword="true"/> when the parent is unknown.</returns>
    public static bool IsUnknownParent(string? parent)
    {
        if (string.IsNullOrWhiteSpace(parent))
        {
            return true;
        }

        var trimmed = parent.AsSpan().Trim();
        foreach (var token in UnknownParentTokens)
        {
            if (trimmed.Equals(token, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
