using System.Collections;
using System.Runtime.InteropServices;

namespace Menagerie.Genetics.Pedigrees;

/// <summary>
/// The rows of a studbook in file order, as a reader (CSV, PMx/SPARKS export) collects them
/// before validation. Build the analysable <see cref="Pedigree"/> with <see cref="Pedigree.Build"/>.
/// </summary>
/// <remarks>
/// Rows are kept as numbers, not strings: each id is kept once however often it is named as a parent,
/// and each distinct sex code once, so that a million-animal studbook holds one string per animal.
/// </remarks>
public sealed class PedigreeInput
{
    // Tokens that studbooks and their exports use for "parent unknown" (DESIGN.md, Files).
    private static readonly string[] UnknownParentTokens = ["0", "NA", "UNK", "UNKNOWN", "WILD", "*", "-"];

    private readonly TextPool _ids = new();
    private readonly TextPool _sexCodes = new();
    private readonly List<KeptRow> _rows = [];

    /// <summary>Creates an empty input.</summary>
    public PedigreeInput() => Rows = new RowList(this);

    /// <summary>
    /// The rows added so far, in input order, as kept: ids and parents trimmed, unknown parents
    /// <see langword="null"/>, a missing id empty.
    /// </summary>
    public IReadOnlyList<PedigreeRow> Rows { get; }

    internal ReadOnlySpan<KeptRow> KeptRows => CollectionsMarshal.AsSpan(_rows);

    /// <summary>How many distinct ids the rows name, as individuals or as parents.</summary>
    internal int IdCount => _ids.Count;

    /// <summary>Adds one row.</summary>
    /// <param name="row">The row as read.</param>
    public void Add(in PedigreeRow row)
    {
        if (row.Id is null)
        {
            throw new ArgumentException("A row needs an id (an empty one is reported as an error).", nameof(row));
        }

        Add(row.Id, row.Sire, row.Dam, row);
    }

    /// <summary>
    /// Adds one row as a file reader holds it: the id and the parents as written, and the rest of the row in
    /// <paramref name="row"/>, whose <see cref="PedigreeRow.Id"/>, <see cref="PedigreeRow.Sire"/> and
    /// <see cref="PedigreeRow.Dam"/> are not read. No string is made for an id until one is asked for, so that
    /// reading a million rows makes none.
    /// </summary>
    /// <param name="id">The id as written; blank is a missing id.</param>
    /// <param name="sire">The sire as written, or an unknown-parent token.</param>
    /// <param name="dam">The dam as written, or an unknown-parent token.</param>
    /// <param name="row">The sex code, line and life data of the row.</param>
    public void Add(ReadOnlySpan<char> id, ReadOnlySpan<char> sire, ReadOnlySpan<char> dam, in PedigreeRow row)
    {
        id = id.Trim();
        sire = IsUnknownParent(sire) ? [] : sire.Trim();
        dam = IsUnknownParent(dam) ? [] : dam.Trim();
        var (idAt, sireAt, damAt) = (TextPool.Find(id), TextPool.Find(sire), TextPool.Find(dam));
        _ids.Prefetch(idAt);
        _ids.Prefetch(sireAt);
        _ids.Prefetch(damAt);
        _rows.Add(new KeptRow
        {
            Id = id.IsEmpty ? KeptRow.None : _ids.Add(id, idAt),
            Sire = sire.IsEmpty ? KeptRow.None : _ids.Add(sire, sireAt),
            Dam = dam.IsEmpty ? KeptRow.None : _ids.Add(dam, damAt),
            SexCode = row.Sex is null ? KeptRow.None : _sexCodes.Add(row.Sex),
            Line = row.Line,
            BirthDate = row.BirthDate,
            BirthYear = row.BirthYear,
            Death = row.Death,
            Departure = row.Departure,
            Alive = row.Alive,
            Reference = row.Reference,
        });
    }

    /// <summary>
    /// Whether a parent field means "unknown": blank, <c>0</c>, <c>NA</c>, <c>UNK</c>, <c>UNKNOWN</c>,
    /// <c>WILD</c>, <c>*</c> or <c>-</c>, in any case. Every unknown parent is a distinct founder.
    /// </summary>
    /// <param name="parent">The parent field as written.</param>
    /// <returns><see langword="true"/> when the parent is unknown.</returns>
    public static bool IsUnknownParent(ReadOnlySpan<char> parent)
    {
        var trimmed = parent.Trim();
        if (trimmed.IsEmpty)
        {
            return true;
        }

        foreach (var token in UnknownParentTokens)
        {
            if (trimmed.Equals(token, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The id a number stands for.</summary>
    internal string IdOf(int number) => _ids[number];

    /// <summary>The sex code as written, <see langword="null"/> where the row has none.</summary>
    internal string? SexCodeOf(int number) => number == KeptRow.None ? null : _sexCodes[number];

    private PedigreeRow ToRow(in KeptRow kept) => new()
    {
        Id = kept.Id == KeptRow.None ? string.Empty : IdOf(kept.Id),
        Sire = kept.Sire == KeptRow.None ? null : IdOf(kept.Sire),
        Dam = kept.Dam == KeptRow.None ? null : IdOf(kept.Dam),
        Sex = SexCodeOf(kept.SexCode),
        Line = kept.Line,
        BirthDate = kept.BirthDate,
        BirthYear = kept.BirthYear,
        Death = kept.Death,
        Departure = kept.Departure,
        Alive = kept.Alive,
        Reference = kept.Reference,
    };

    /// <summary>A row with its ids and sex code replaced by their numbers in the input's pools.</summary>
    internal struct KeptRow
    {
        /// <summary>No id: a missing id, an unknown parent, a missing sex code.</summary>
        public const int None = -1;

        public int Id;
        public int Sire;
        public int Dam;
        public int SexCode;
        public int Line;
        public DateOnly? BirthDate;
        public int? BirthYear;
        public DateOnly? Death;
        public DateOnly? Departure;
        public bool? Alive;
        public bool? Reference;
    }

    // Rows are made from the kept numbers when asked for (plots, tests): nothing but the numbers is stored per row.
    private sealed class RowList(PedigreeInput input) : IReadOnlyList<PedigreeRow>
    {
        public int Count => input._rows.Count;

        public PedigreeRow this[int index] => input.ToRow(input._rows[index]);

        public IEnumerator<PedigreeRow> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
