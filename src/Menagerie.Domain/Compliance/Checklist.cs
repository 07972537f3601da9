using Menagerie.Domain.Taxa;

namespace Menagerie.Domain.Compliance;

/// <summary>The CITES Appendices. <see cref="NotListed"/>: not subject to the Convention.</summary>
public enum Appendix
{
    I,
    II,
    III,
    NotListed,
}

/// <summary>
/// A name in the checklist: its full scientific name ("Ursus arctos", "Psittaciformes"), rank and parent,
/// and for a synonym the accepted name it stands for.
/// </summary>
public sealed record ChecklistTaxon(string Name, TaxonRank Rank, string? Parent, string? AcceptedName = null);

/// <summary>
/// One current CITES listing of a taxon: the Appendix, since when, which Party listed it (Appendix III), the
/// populations it covers or leaves out, the lower taxa a higher-taxon listing excludes, whether the
/// domesticated form is excluded, and the source and as-of date it was taken from.
/// </summary>
public sealed record CitesListing
{
    public required string Taxon { get; init; }
    public required Appendix Appendix { get; init; }
    public required DateOnly EffectiveFrom { get; init; }

    /// <summary>Appendix III: the Party (ISO code) that listed it.</summary>
    public string? ListingParty { get; init; }

    /// <summary>When not empty, the listing covers only the populations of these states (ISO codes).</summary>
    public IReadOnlyList<string> Populations { get; init; } = [];

    /// <summary>Populations (ISO codes) the listing leaves out: they are listed elsewhere, or not at all.</summary>
    public IReadOnlyList<string> ExcludedPopulations { get; init; } = [];

    /// <summary>Lower taxa a higher-taxon listing leaves out ("except Melopsittacus undulatus").</summary>
    public IReadOnlyList<string> ExcludedTaxa { get; init; } = [];

    /// <summary>Specimens of the domesticated form are not subject to the Convention.</summary>
    public bool ExcludesDomesticated { get; init; }

    public string Annotation { get; init; } = "";
    public required string Source { get; init; }
    public required DateOnly AsOf { get; init; }

    /// <summary>Whether the listing covers a population of origin; an unknown population may be covered.</summary>
    public bool Covers(string? population) =>
        population is null || ((Populations.Count == 0 || Populations.Contains(population, StringComparer.OrdinalIgnoreCase)) && !ExcludedPopulations.Contains(population, StringComparer.OrdinalIgnoreCase));

    public bool IsPopulationSpecific => Populations.Count > 0 || ExcludedPopulations.Count > 0;
}

/// <summary>A state's CITES Party status as known on a date, from a source.</summary>
public sealed record PartyStatus(string Code, string Name, bool IsParty, DateOnly? EntryIntoForce, DateOnly AsOf, string Source)
{
    /// <summary>Whether the Convention was in force for the state on a day: a Party only from its entry into force.</summary>
    public bool IsPartyOn(DateOnly day) => IsParty && (EntryIntoForce is not { } entry || entry <= day);
}

/// <summary>A domesticated form that an annotation takes out of the Convention (Bos grunniens of Bos mutus).</summary>
public sealed record DomesticatedForm(string Name, string WildTaxon, string Source);

/// <summary>States where a taxon is native: national export regimes for native wildlife depend on it.</summary>
public sealed record NativeRange(string Taxon, IReadOnlyList<string> Countries, string Source);

/// <summary>A destination under sanctions that reach live-animal shipments, and the measures to review.</summary>
public sealed record SanctionsRegime(string Destination, string Measures, string Source);

/// <summary>
/// The reference data compliance rules read: checklist names and current listings with their sources,
/// Party status of states, domesticated forms, native ranges, sanctions regimes, the states whose authority
/// approves what leaves them, and the CITES code tables. Immutable once built; lookups are by name, case-insensitive.
/// </summary>
public sealed class Checklist
{
    private readonly Dictionary<string, ChecklistTaxon> _taxa = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<CitesListing>> _listings = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, DateOnly> _firstListed = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _listedBelow = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, PartyStatus> _parties = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, DomesticatedForm> _domesticated = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, NativeRange> _native = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SanctionsRegime> _sanctions = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _approvalRequired = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<ListingChange>> _changes = new(StringComparer.OrdinalIgnoreCase);
    private readonly ILookup<string, TradeSuspension> _suspensions;
    private readonly ILookup<string, ExportQuota> _quotas;

    public Checklist(ChecklistContents contents)
    {
        ArgumentNullException.ThrowIfNull(contents);
        Source = contents.Source;
        AsOf = contents.AsOf;
        foreach (var taxon in contents.Taxa)
            _taxa.TryAdd(taxon.Name, taxon);
        TaxonCount = _taxa.Count;
        foreach (var listing in contents.Listings)
        {
            if (!_listings.TryGetValue(listing.Taxon, out var list))
                _listings[listing.Taxon] = list = [];
            list.Add(listing);
            for (var above = Parent(listing.Taxon); above is not null && _listedBelow.Add(above); above = Parent(above))
            {
            }
        }
        foreach (var (taxon, date) in contents.FirstListed)
            _firstListed[taxon] = date;
        AddChanges(contents.Changes);
        foreach (var synonym in contents.Synonyms.Where(s => _taxa.ContainsKey(s.ListedAs)))
        {
            _taxa[synonym.Name] = new ChecklistTaxon(synonym.Name, _taxa[synonym.ListedAs].Rank, synonym.ListedAs, synonym.ListedAs);
            SynonymCount++;
        }
        Coverage = contents.Coverage;
        foreach (var party in contents.Parties)
            _parties[party.Code] = party;
        foreach (var form in contents.Domesticated)
            _domesticated[form.Name] = form;
        foreach (var range in contents.NativeRanges)
            _native[range.Taxon] = range;
        foreach (var regime in contents.Sanctions)
            _sanctions[regime.Destination] = regime;
        _approvalRequired.UnionWith(contents.AuthorityApproval);
        _suspensions = contents.Suspensions.ToLookup(m => m.State, StringComparer.OrdinalIgnoreCase);
        _quotas = contents.Quotas.ToLookup(m => m.State, StringComparer.OrdinalIgnoreCase);
        SourceCodes = contents.SourceCodes;
        PurposeCodes = contents.PurposeCodes;
    }

    /// <summary>Where the listings came from ("CITES Checklist snapshot, UNEP-WCMC SAPI seed files").</summary>
    public string Source { get; }

    /// <summary>The date the listings were current: listings older than the allowed age draw a warning.</summary>
    public DateOnly AsOf { get; }

    public IReadOnlyDictionary<char, string> SourceCodes { get; }
    public IReadOnlyDictionary<char, string> PurposeCodes { get; }
    /// <summary>The names of the checklist itself, without those the listing changes and synonyms add.</summary>
    public int TaxonCount { get; }
    public int ListingCount => _listings.Values.Sum(l => l.Count);

    public ChecklistTaxon? Taxon(string name) => _taxa.GetValueOrDefault(name);

    /// <summary>How far the listing changes are known to be complete, by taxon and Appendix.</summary>
    public IReadOnlyList<ListingCoverage> Coverage { get; }

    /// <summary>The newest listing change in force on a day, or null when none is.</summary>
    public ListingChange? NewestChangeOn(DateOnly day) => _changes.Values.SelectMany(c => c).Where(c => c.EffectiveFrom <= day).MaxBy(c => c.EffectiveFrom);

    /// <summary>The first listing change recorded to come into force after a day (adopted, not yet in force), or null.</summary>
    public ListingChange? NextChangeAfter(DateOnly day) => _changes.Values.SelectMany(c => c).Where(c => c.EffectiveFrom > day).MinBy(c => c.EffectiveFrom);

    public int ChangeCount => _changes.Values.Sum(c => c.Count);

    public int SynonymCount { get; }

    /// <summary>Party status of every state the reference data know.</summary>
    public IReadOnlyCollection<PartyStatus> Parties => _parties.Values;

    /// <summary>The taxon's own listings as the checklist records them, before any later change.</summary>
    public IReadOnlyList<CitesListing> ListingsOf(string taxon) => _listings.TryGetValue(taxon, out var list) ? list : [];

    /// <summary>The taxon's own listings in force on a day: the checklist's, with the changes in force by then applied in order.</summary>
    public IReadOnlyList<CitesListing> ListingsOf(string taxon, DateOnly on) =>
        ChangesOf(taxon).TakeWhile(c => c.EffectiveFrom <= on).Aggregate(ListingsOf(taxon), (listings, change) => change.ApplyTo(listings));

    /// <summary>The changes to the taxon's own listing after the checklist's, oldest first.</summary>
    public IReadOnlyList<ListingChange> ChangesOf(string taxon) => _changes.TryGetValue(taxon, out var list) ? list : [];

    /// <summary>
    /// The day a listing resolved through this lineage is known to be current as of: its own as-of date, or
    /// later when the listing changes are complete to a later day for a taxon of the lineage and its Appendix.
    /// </summary>
    public DateOnly CurrentAsOf(IEnumerable<string> lineage, Appendix appendix, DateOnly asOf)
    {
        var names = lineage.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var covered = Coverage.Where(c => names.Contains(c.Taxon) && (appendix == Appendix.NotListed || c.Appendices.Contains(appendix)));
        return covered.Select(c => c.CompleteTo).Append(asOf).Max();
    }

    /// <summary>Whether any taxon below this one carries a listing of its own.</summary>
    public bool HasListingBelow(string taxon) => _listedBelow.Contains(taxon);

    /// <summary>
    /// For a species or subspecies the checklist does not name, its genus, when the checklist has the genus and no
    /// taxon below the genus is listed on its own: the genus's listing (or the family's or order's above it) then
    /// covers every species of the genus, as "Tylototriton spp." does for species named after the checklist's
    /// edition. Null when the name is in the checklist, is not a binomial or trinomial, or a species of its genus
    /// is listed apart, which the unnamed one could be under another name.
    /// </summary>
    public ChecklistTaxon? GenusCovering(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 2 or > 3 || Taxon(name) is not null)
            return null;
        return Taxon(words[0]) is { Rank: TaxonRank.Genus } genus && !HasListingBelow(genus.Name) ? genus : null;
    }

    /// <summary>The date the taxon (or the higher taxon it is listed under) first entered the Appendices.</summary>
    public DateOnly? FirstListed(string taxon) => _firstListed.TryGetValue(taxon, out var date) ? date : null;

    public PartyStatus? Party(string code) => _parties.GetValueOrDefault(code);
    public DomesticatedForm? Domesticated(string name) => _domesticated.GetValueOrDefault(name);
    public NativeRange? NativeRange(string taxon) => _native.GetValueOrDefault(taxon);
    public SanctionsRegime? Sanctions(string destination) => _sanctions.GetValueOrDefault(destination);

    /// <summary>Whether the state's authority approves every transfer leaving it before clearance, as its country in the records says.</summary>
    public bool RequiresAuthorityApproval(string state) => _approvalRequired.Contains(state);

    /// <summary>The recommendations to suspend trade with a state, in force or not, as imported.</summary>
    public IEnumerable<TradeSuspension> SuspensionsOf(string state) => _suspensions[state];

    /// <summary>The export quotas a state published, of every year imported.</summary>
    public IEnumerable<ExportQuota> QuotasOf(string state) => _quotas[state];

    public string? Parent(string taxon) => _taxa.TryGetValue(taxon, out var t) ? t.Parent : null;

    /// <summary>
    /// Listing changes that come into force after the taxon's listings in the checklist were current: those of
    /// an edition's own date or older are already in it. A taxon the checklist does not name gains its name, and
    /// the date it was first listed.
    /// </summary>
    private void AddChanges(IEnumerable<ListingChange> changes)
    {
        foreach (var change in changes.OrderBy(c => c.EffectiveFrom))
        {
            var known = ListingsOf(change.Taxon).Select(l => l.AsOf).Append(AsOf).Max();
            if (change.EffectiveFrom <= known)
                continue;
            if (!_changes.TryGetValue(change.Taxon, out var list))
                _changes[change.Taxon] = list = [];
            list.Add(change);
            _taxa.TryAdd(change.Taxon, new ChecklistTaxon(change.Taxon, change.Rank, change.Parent));
            // A taxon already covered by a higher taxon's listing entered the Appendices with it, not with its own change.
            if (change.To is { } to && to != Appendix.NotListed && !Lineage(change.Taxon).Any(_firstListed.ContainsKey))
                _firstListed[change.Taxon] = change.EffectiveFrom;
            for (var above = Parent(change.Taxon); above is not null && _listedBelow.Add(above); above = Parent(above))
            {
            }
        }
    }

    /// <summary>The taxon and every taxon above it, nearest first.</summary>
    public IEnumerable<string> Lineage(string taxon)
    {
        for (string? name = taxon; name is not null; name = Parent(name))
            yield return name;
    }
}

/// <summary>Everything a <see cref="Checklist"/> is built from, as read from the seed files or a checklist import.</summary>
public sealed record ChecklistContents
{
    public required string Source { get; init; }
    public required DateOnly AsOf { get; init; }
    public IReadOnlyList<ChecklistTaxon> Taxa { get; init; } = [];
    public IReadOnlyList<CitesListing> Listings { get; init; } = [];
    public IReadOnlyDictionary<string, DateOnly> FirstListed { get; init; } = new Dictionary<string, DateOnly>(StringComparer.OrdinalIgnoreCase);
    public IReadOnlyList<PartyStatus> Parties { get; init; } = [];
    public IReadOnlyList<DomesticatedForm> Domesticated { get; init; } = [];
    public IReadOnlyList<NativeRange> NativeRanges { get; init; } = [];
    public IReadOnlyList<SanctionsRegime> Sanctions { get; init; } = [];

    /// <summary>ISO codes of the states whose authority approves every transfer leaving them (a setting of each country in the records).</summary>
    public IReadOnlyList<string> AuthorityApproval { get; init; } = [];
    public IReadOnlyDictionary<char, string> SourceCodes { get; init; } = new Dictionary<char, string>();
    public IReadOnlyDictionary<char, string> PurposeCodes { get; init; } = new Dictionary<char, string>();

    /// <summary>Dated amendments to the Appendices, applied over the listings on the day of a check.</summary>
    public IReadOnlyList<ListingChange> Changes { get; init; } = [];

    public IReadOnlyList<ListingSynonym> Synonyms { get; init; } = [];
    public IReadOnlyList<ListingCoverage> Coverage { get; init; } = [];

    /// <summary>Recommendations to suspend trade and export quotas, from a zoo's own Species+ downloads: none are shipped.</summary>
    public IReadOnlyList<TradeSuspension> Suspensions { get; init; } = [];

    public IReadOnlyList<ExportQuota> Quotas { get; init; } = [];
}
