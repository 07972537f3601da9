using Menagerie.App.Compliance.Reference;
using Menagerie.Domain.Compliance;
using Menagerie.Domain.Taxa;
using static Menagerie.App.Tests.Given;

namespace Menagerie.App.Tests.Compliance.Reference;

/// <summary>The 2013 snapshot as shipped, read without Menagerie's corrections.</summary>
public sealed class ChecklistSnapshotTests
{
    private static async Task<Checklist> SnapshotAsync()
    {
        var read = await ChecklistSnapshot.ReadEmbeddedAsync(Ct);
        var contents = Assert.IsType<ReadResult<ChecklistContents>.Read>(read, exactMatch: false).Value;
        return new Checklist(contents);
    }

    [Fact]
    public async Task Ursus_arctos_is_appendix_I_in_four_states_and_II_elsewhere()
    {
        var checklist = await SnapshotAsync();

        var listings = checklist.ListingsOf("Ursus arctos");

        Assert.Equal(2, listings.Count);
        var one = listings.Single(l => l.Appendix == Appendix.I);
        var two = listings.Single(l => l.Appendix == Appendix.II);
        Assert.Equal(["BT", "CN", "MN", "MX"], one.Populations.Order(StringComparer.Ordinal));
        Assert.Empty(one.ExcludedPopulations);
        Assert.Equal(["BT", "CN", "MN", "MX"], two.ExcludedPopulations.Order(StringComparer.Ordinal));
        Assert.True(one.Covers("MN"));
        Assert.False(one.Covers("RU"));
        Assert.True(two.Covers("RU"));
        Assert.False(two.Covers("CN"));
        Assert.Equal(new DateOnly(1992, 6, 11), one.EffectiveFrom);
        Assert.Contains("Bhutan, China, Mexico and Mongolia", one.Annotation, StringComparison.Ordinal);
        Assert.All(listings, l => Assert.Equal((ChecklistSnapshot.Source, new DateOnly(2013, 11, 30)), (l.Source, l.AsOf)));
    }

    [Fact]
    public async Task Psittaciformes_appendix_II_leaves_out_the_budgerigar_and_three_more()
    {
        var checklist = await SnapshotAsync();

        var parrots = Assert.Single(checklist.ListingsOf("Psittaciformes"));

        Assert.Equal(Appendix.II, parrots.Appendix);
        Assert.Equal(
            ["Agapornis roseicollis", "Melopsittacus undulatus", "Nymphicus hollandicus", "Psittacula krameri"],
            parrots.ExcludedTaxa.Order(StringComparer.Ordinal));
        Assert.Equal(["Cacatua alba", "Cacatua", "Cacatuidae", "Psittaciformes", "Aves"], checklist.Lineage("Cacatua alba"));
        Assert.Empty(checklist.ListingsOf("Cacatua alba"));
        Assert.True(checklist.HasListingBelow("Aves"));
    }

    [Fact]
    public async Task Bos_mutus_leaves_out_its_domesticated_form()
    {
        var checklist = await SnapshotAsync();

        var yak = Assert.Single(checklist.ListingsOf("Bos mutus"));

        Assert.Equal(Appendix.I, yak.Appendix);
        Assert.True(yak.ExcludesDomesticated);
        Assert.Contains("Bos grunniens", yak.Annotation, StringComparison.Ordinal);
        Assert.Empty(checklist.ListingsOf("Bos grunniens"));
    }

    [Fact]
    public async Task Full_names_are_walked_up_from_the_last_epithet_and_capitalised()
    {
        var checklist = await SnapshotAsync();

        Assert.Equal(new ChecklistTaxon("Ursus arctos isabellinus", TaxonRank.Subspecies, "Ursus arctos"), checklist.Taxon("Ursus arctos isabellinus"));
        Assert.Equal(new ChecklistTaxon("Ursus arctos", TaxonRank.Species, "Ursus"), checklist.Taxon("ursus ARCTOS"));
        Assert.Equal(new ChecklistTaxon("Psittaciformes", TaxonRank.Order, "Aves"), checklist.Taxon("Psittaciformes"));
        Assert.Equal(new ChecklistTaxon("Aves", TaxonRank.Class, null), checklist.Taxon("Aves"));
        Assert.Equal("Psittaciformes", checklist.Taxon("PSITTACIFORMES")?.Name);
        Assert.True(checklist.TaxonCount > 19_000, $"{checklist.TaxonCount} names");
        Assert.InRange(checklist.ListingCount, 1_200, 1_400);
    }

    [Fact]
    public async Task A_synonym_points_to_its_accepted_name_and_walks_up_to_its_listings()
    {
        var checklist = await SnapshotAsync();

        var puma = checklist.Taxon("Felis concolor");
        var gaur = checklist.Taxon("Bos frontalis");

        Assert.Equal(("Puma concolor", "Puma concolor"), (puma?.AcceptedName, puma?.Parent));
        Assert.Equal("Bos gaurus", gaur?.AcceptedName);
        Assert.Equal(["Felis concolor", "Puma concolor", "Puma", "Felidae", "Carnivora", "Mammalia"], checklist.Lineage("Felis concolor"));
        // Diomedea cauta stands for four albatrosses since the species was split: it cannot say which is meant.
        Assert.Null(checklist.Taxon("Diomedea cauta"));
        Assert.Equal(TaxonRank.Species, checklist.Taxon("Thalassarche cauta")?.Rank);
    }

    [Fact]
    public async Task Reservations_withdrawals_and_deletions_are_not_listings_but_count_for_first_listing()
    {
        var checklist = await SnapshotAsync();

        Assert.Equal([Appendix.I, Appendix.II], checklist.ListingsOf("Canis lupus").Select(l => l.Appendix).Order());
        Assert.Empty(checklist.ListingsOf("Agelastes meleagrides"));
        Assert.Equal(new DateOnly(1976, 2, 26), checklist.FirstListed("Agelastes meleagrides"));
        Assert.Equal(new DateOnly(1976, 2, 26), checklist.FirstListed("Panthera leo")); // Appendix III by Ghana, no longer current
        Assert.Equal(new DateOnly(1975, 7, 1), checklist.FirstListed("Ursus arctos"));
    }

    [Fact]
    public async Task Appendix_III_carries_its_listing_party_and_a_subfamily_listing_its_genera()
    {
        var checklist = await SnapshotAsync();

        var buffalo = Assert.Single(checklist.ListingsOf("Bubalus arnee"));
        var otters = Assert.Single(checklist.ListingsOf("Lontra"));

        Assert.Equal((Appendix.III, "NP", true), (buffalo.Appendix, buffalo.ListingParty, buffalo.ExcludesDomesticated));
        Assert.Equal(Appendix.II, otters.Appendix);
        Assert.StartsWith("Listed under Lutrinae spp.", otters.Annotation, StringComparison.Ordinal);
        Assert.Equal("Mustelidae", checklist.Parent("Lontra"));
        Assert.Null(checklist.Taxon("Lutrinae"));
    }

    [Fact]
    public async Task The_code_tables_are_read()
    {
        var checklist = await SnapshotAsync();

        Assert.Equal("Captive-bred animals", checklist.SourceCodes['C']);
        Assert.Equal("Born in captivity (F1 and subsequent)", checklist.SourceCodes['F']);
        Assert.Equal("Zoo", checklist.PurposeCodes['Z']);
        Assert.Equal(12, checklist.PurposeCodes.Count);
    }
}
