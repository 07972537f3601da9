namespace Menagerie.Domain.Taxa;

public enum TaxonRank
{
    Class,
    Order,
    Family,
    Genus,
    Species,
    Subspecies,
}

/// <summary>
/// A species, subspecies or higher taxon. A record may name only a family ("Phasianidae, species not
/// identified") when that is all the registrar knows; <see cref="IsIdentifiedToSpecies"/> says so.
/// </summary>
public sealed class Taxon
{
    private Taxon() { ScientificName = CommonName = TaxonClass = ""; }

    public TaxonId Id { get; private set; }
    public string ScientificName { get; private set; }
    public string CommonName { get; private set; }
    public TaxonRank Rank { get; private set; }

    /// <summary>The zoological class (Mammalia, Aves, …): transport and welfare rules depend on it.</summary>
    public string TaxonClass { get; private set; }

    /// <summary>The family (Felidae, Anatidae), where recorded: a crate's container requirement is found by it.</summary>
    public string? Family { get; private set; }

    public long Version { get; private set; }

    public bool IsIdentifiedToSpecies => Rank is TaxonRank.Species or TaxonRank.Subspecies;

    public static Result<Taxon> Create(TaxonId id, string scientificName, string commonName, TaxonRank rank, string taxonClass, string? family = null)
    {
        var problems = Validate(scientificName, commonName, rank, taxonClass, family);
        if (problems.Count > 0)
            return problems;
        return new Taxon
        {
            Id = id,
            ScientificName = scientificName.Trim(),
            CommonName = commonName.Trim(),
            Rank = rank,
            TaxonClass = taxonClass.Trim(),
            Family = OptionalText.From(family),
        };
    }

    public IReadOnlyList<RuleViolation> Correct(string scientificName, string commonName, TaxonRank rank, string taxonClass, string? family = null)
    {
        var problems = Validate(scientificName, commonName, rank, taxonClass, family);
        if (problems.Count == 0)
        {
            ScientificName = scientificName.Trim();
            CommonName = commonName.Trim();
            Rank = rank;
            TaxonClass = taxonClass.Trim();
            Family = OptionalText.From(family);
        }
        return problems;
    }

    /// <summary>The names a taxon's container requirement is looked up by, most specific first: itself, its species (for a subspecies), genus, family and class.</summary>
    public IReadOnlyList<string> Lineage()
    {
        var words = ScientificName.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var species = words.Length > 2 ? $"{words[0]} {words[1]}" : null;
        return [.. new[] { ScientificName, species, words[0], Family, TaxonClass }.OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>Longer than any scientific or common name (the longest in the CITES checklist has under 80 characters).</summary>
    public const int MaxNameLength = 200;

    /// <summary>A class or a family is one word.</summary>
    public const int MaxRankNameLength = 100;

    private static List<RuleViolation> Validate(string scientificName, string commonName, TaxonRank rank, string taxonClass, string? family)
    {
        var problems = new List<RuleViolation>();
        foreach (var (field, text, most) in new[] { ("scientificName", scientificName, MaxNameLength), ("commonName", commonName, MaxNameLength), ("taxonClass", taxonClass, MaxRankNameLength), ("family", family, MaxRankNameLength) })
        {
            if (text?.Trim().Length > most)
                problems.Add(new("taxon.length", field, $"A taxon's names have at most {most} characters each."));
        }
        if (string.IsNullOrWhiteSpace(scientificName))
            problems.Add(new("taxon.scientific-name", "scientificName", "A taxon needs a scientific name."));
        else if (rank is TaxonRank.Species && scientificName.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).Length != 2)
            problems.Add(new("taxon.scientific-name", "scientificName", $"'{scientificName}' is not a binomial (genus and species) as a species needs."));
        else if (rank is TaxonRank.Subspecies && scientificName.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).Length != 3)
            problems.Add(new("taxon.scientific-name", "scientificName", $"'{scientificName}' is not a trinomial as a subspecies needs."));
        if (string.IsNullOrWhiteSpace(commonName))
            problems.Add(new("taxon.common-name", "commonName", "A taxon needs a common name."));
        if (!Enum.IsDefined(rank))
            problems.Add(new("taxon.rank", "rank", $"'{rank}' is not a rank."));
        if (string.IsNullOrWhiteSpace(taxonClass))
            problems.Add(new("taxon.class", "taxonClass", "A taxon needs its class (e.g. Mammalia, Aves)."));
        return problems;
    }
}
