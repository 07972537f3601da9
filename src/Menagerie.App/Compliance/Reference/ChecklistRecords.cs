using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Menagerie.Domain.Compliance;
using Menagerie.Domain.Taxa;

namespace Menagerie.App.Compliance.Reference;

/// <summary>
/// One checklist imported into the records: where it came from, the date its listings were current, who
/// imported it when, what it holds and what it replaced. Its names and listings are the checklist in force
/// until the next import; editions are kept, their rows are not. The ledger records the edition, not its
/// rows: <see cref="Digest"/> is the SHA-256 of the rows as stored, so the entry still says exactly what was imported.
/// </summary>
public sealed class ChecklistEdition
{
    private ChecklistEdition() { Source = ImportedBy = Digest = ""; }

    public int Number { get; private set; }
    public string Source { get; private set; }
    public DateOnly AsOf { get; private set; }
    public DateTime ImportedAt { get; private set; }
    public string ImportedBy { get; private set; }
    public int Names { get; private set; }
    public int Listings { get; private set; }

    /// <summary>How many of Menagerie's listing corrections were applied over the checklist read.</summary>
    public int Corrections { get; private set; }

    /// <summary>The edition this one replaced, described, or null for the first.</summary>
    public string? Replaced { get; private set; }

    public string Digest { get; private set; }

    public string Describe() =>
        $"edition {Number}: {Source}, as of {AsOf:yyyy-MM-dd}, {Names} names and {Listings} listings";

    internal static ChecklistEdition Create(
        int number, ChecklistContents contents, DateTime importedAt, string importedBy, IReadOnlyList<ChecklistName> names,
        IReadOnlyList<ChecklistListingRecord> listings, int corrections, ChecklistEdition? replaced) =>
        new()
        {
            Number = number,
            Source = contents.Source,
            AsOf = contents.AsOf,
            ImportedAt = importedAt,
            ImportedBy = importedBy,
            Names = names.Count,
            Listings = listings.Count,
            Corrections = corrections,
            Replaced = replaced?.Describe(),
            Digest = DigestOf(contents.Source, contents.AsOf, names, listings),
        };

    internal static string DigestOf(string source, DateOnly asOf, IEnumerable<ChecklistName> names, IEnumerable<ChecklistListingRecord> listings)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(object?[] fields) => hash.AppendData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(fields) + "\n"));
        Add([source, asOf.ToString("O", System.Globalization.CultureInfo.InvariantCulture)]);
        foreach (var n in names.OrderBy(n => n.Name, StringComparer.Ordinal))
            Add([n.Name, n.Rank.ToString(), n.Parent, n.AcceptedName, n.FirstListed?.ToString("O", System.Globalization.CultureInfo.InvariantCulture)]);
        foreach (var l in listings.OrderBy(l => l.Sequence))
        {
            Add([l.Sequence, l.Taxon, l.Appendix.ToString(), l.EffectiveFrom.ToString("O", System.Globalization.CultureInfo.InvariantCulture), l.ListingParty,
                l.Populations, l.ExcludedPopulations, l.ExcludedTaxa, l.ExcludesDomesticated, l.Annotation, l.Source, l.AsOf.ToString("O", System.Globalization.CultureInfo.InvariantCulture)]);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}

/// <summary>A name of an edition's checklist: a taxon with its parent, or a synonym with its accepted name.</summary>
public sealed class ChecklistName
{
    private ChecklistName() { Name = ""; }

    public int Edition { get; private set; }
    public string Name { get; private set; }
    public TaxonRank Rank { get; private set; }
    public string? Parent { get; private set; }
    public string? AcceptedName { get; private set; }
    public DateOnly? FirstListed { get; private set; }

    internal static ChecklistName Of(int edition, ChecklistTaxon taxon, DateOnly? firstListed) =>
        new() { Edition = edition, Name = taxon.Name, Rank = taxon.Rank, Parent = taxon.Parent, AcceptedName = taxon.AcceptedName, FirstListed = firstListed };

    internal ChecklistTaxon ToTaxon() => new(Name, Rank, Parent, AcceptedName);
}

/// <summary>A current listing of an edition's checklist, with its source and as-of date; lists are stored comma- or semicolon-separated.</summary>
public sealed class ChecklistListingRecord
{
    private ChecklistListingRecord() { Taxon = Populations = ExcludedPopulations = ExcludedTaxa = Annotation = Source = ""; }

    public int Edition { get; private set; }
    public int Sequence { get; private set; }
    public string Taxon { get; private set; }
    public Appendix Appendix { get; private set; }
    public DateOnly EffectiveFrom { get; private set; }
    public string? ListingParty { get; private set; }
    public string Populations { get; private set; }
    public string ExcludedPopulations { get; private set; }
    public string ExcludedTaxa { get; private set; }
    public bool ExcludesDomesticated { get; private set; }
    public string Annotation { get; private set; }
    public string Source { get; private set; }
    public DateOnly AsOf { get; private set; }

    internal static ChecklistListingRecord Of(int edition, int sequence, CitesListing l) => new()
    {
        Edition = edition,
        Sequence = sequence,
        Taxon = l.Taxon,
        Appendix = l.Appendix,
        EffectiveFrom = l.EffectiveFrom,
        ListingParty = l.ListingParty,
        Populations = string.Join(',', l.Populations),
        ExcludedPopulations = string.Join(',', l.ExcludedPopulations),
        ExcludedTaxa = string.Join(';', l.ExcludedTaxa),
        ExcludesDomesticated = l.ExcludesDomesticated,
        Annotation = l.Annotation,
        Source = l.Source,
        AsOf = l.AsOf,
    };

    internal CitesListing ToListing() => new()
    {
        Taxon = Taxon,
        Appendix = Appendix,
        EffectiveFrom = EffectiveFrom,
        ListingParty = ListingParty,
        Populations = Split(Populations, ','),
        ExcludedPopulations = Split(ExcludedPopulations, ','),
        ExcludedTaxa = Split(ExcludedTaxa, ';'),
        ExcludesDomesticated = ExcludesDomesticated,
        Annotation = Annotation,
        Source = Source,
        AsOf = AsOf,
    };

    private static string[] Split(string list, char separator) => list.Split(separator, StringSplitOptions.RemoveEmptyEntries);
}
