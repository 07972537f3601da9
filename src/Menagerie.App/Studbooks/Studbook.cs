using Menagerie.Domain;

namespace Menagerie.App.Studbooks;

/// <summary>
/// A studbook file kept in the records as its keeper uploaded it: the original bytes, so that every
/// analysis and plot is computed afresh from exactly what was uploaded, never from a copy that could drift.
/// A new edition of a studbook is a new upload; a stored one is never changed.
/// </summary>
public sealed class Studbook
{
    public const int MaxNameLength = 200;
    public const int MaxFileNameLength = 260;

    /// <summary>The identifier scheme (as in <c>studbook:1234</c>) that links a studbook's individuals to specimens unless the upload names another.</summary>
    public const string DefaultScheme = "studbook";

    private readonly List<StudbookIndividual> _individuals = [];

    private Studbook() { Name = Scheme = FileName = ""; Content = []; }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public TaxonId? TaxonId { get; private set; }

    /// <summary>Individual X of this studbook is the specimen carrying the identifier <c>Scheme:X</c>.</summary>
    public string Scheme { get; private set; }

    /// <summary>The user who uploaded it, a studbook keeper.</summary>
    public Guid KeeperId { get; private set; }

    /// <summary>The file's name as uploaded: problems and plot titles name it, as the command line names the file it reads.</summary>
    public string FileName { get; private set; }

    public byte[] Content { get; private set; }
    public DateTime UploadedAt { get; private set; }

    /// <summary>
    /// The date its data were extracted from the keeper's records, when known: the day its alive column describes,
    /// and the day analyses are made for unless another is asked for.
    /// </summary>
    public DateOnly? AsOf { get; private set; }

    /// <summary>Rows of the file, one per listed individual.</summary>
    public int Rows { get; private set; }

    /// <summary>Every individual of the pedigree, parents referenced but not listed included.</summary>
    public IReadOnlyList<StudbookIndividual> Individuals => _individuals;

    internal static Studbook Upload(
        string name, TaxonId? taxon, string scheme, Guid keeper, string fileName, byte[] content, DateTime uploadedAt, DateOnly? asOf, int rows,
        IEnumerable<string> individuals)
    {
        var studbook = new Studbook
        {
            Id = Guid.CreateVersion7(),
            Name = name,
            TaxonId = taxon,
            Scheme = scheme,
            KeeperId = keeper,
            FileName = fileName,
            Content = content,
            UploadedAt = uploadedAt,
            AsOf = asOf,
            Rows = rows,
        };
        studbook._individuals.AddRange(individuals.Select(id => new StudbookIndividual(studbook.Id, id)));
        return studbook;
    }
}

/// <summary>
/// One individual id of a stored studbook. Kept as rows so that the database can join a studbook to the
/// specimens its ids name, and so find who may read it, without reading any file.
/// </summary>
public sealed class StudbookIndividual(Guid studbookId, string individualId)
{
    public Guid StudbookId { get; private set; } = studbookId;
    public string IndividualId { get; private set; } = individualId;
}
