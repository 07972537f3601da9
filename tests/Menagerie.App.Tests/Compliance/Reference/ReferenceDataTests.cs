using Menagerie.App.Compliance.Reference;
using Menagerie.Domain.Compliance;
using Menagerie.Domain.Taxa;

namespace Menagerie.App.Tests.Compliance.Reference;

/// <summary>What Menagerie ships: the snapshot with its listing corrections, and its own tables.</summary>
public sealed class ReferenceDataTests
{
    [Fact]
    public void Embedded_is_built_once_and_shared_between_threads()
    {
        var seen = new Checklist[8];

        Parallel.For(0, seen.Length, i => seen[i] = ReferenceData.Embedded());

        Assert.All(seen, c => Assert.Same(seen[0], c));
        Assert.Equal((ChecklistSnapshot.Source, new DateOnly(2013, 11, 30)), (seen[0].Source, seen[0].AsOf));
    }

    [Fact]
    public void Panthera_leo_of_india_is_appendix_I_and_the_rest_II_after_the_corrections()
    {
        var lion = ReferenceData.Embedded().ListingsOf("Panthera leo");

        var india = lion.Single(l => l.Appendix == Appendix.I);
        var rest = lion.Single(l => l.Appendix == Appendix.II);
        Assert.Equal(2, lion.Count);
        Assert.Equal(["IN"], india.Populations);
        Assert.Equal((new DateOnly(2019, 11, 26), new DateOnly(2019, 11, 26)), (india.EffectiveFrom, india.AsOf));
        Assert.Equal(["IN"], rest.ExcludedPopulations);
        Assert.True(rest.Covers("ZA"));
        Assert.Contains("Zero export quota for bones, claws, skeletons, skulls and teeth", rest.Annotation, StringComparison.Ordinal);
        Assert.All(lion, l => Assert.Contains("https://www.cms.int/lions/fr/node/16158", l.Source, StringComparison.Ordinal));
        Assert.All(lion, l => Assert.Contains("VERIFY", l.Source, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_sample_taxon_has_its_listing_as_now_understood_with_source_and_date()
    {
        var checklist = ReferenceData.Embedded();

        Assert.Equal(Appendix.II, Assert.Single(checklist.ListingsOf("Aquila chrysaetos")).Appendix);
        Assert.Equal(Appendix.I, Assert.Single(checklist.ListingsOf("Grus japonensis")).Appendix);
        Assert.Equal(Appendix.II, Assert.Single(checklist.ListingsOf("Cacatua alba")).Appendix);
        Assert.Equal(Appendix.II, Assert.Single(checklist.ListingsOf("Ara ararauna")).Appendix);
        var duck = Assert.Single(checklist.ListingsOf("Aix galericulata"));
        Assert.Equal(Appendix.NotListed, duck.Appendix);
        Assert.Contains("UNSOURCED", duck.Source, StringComparison.Ordinal);
        Assert.Equal(Appendix.NotListed, Assert.Single(checklist.ListingsOf("Chrysolophus pictus")).Appendix);
        Assert.Equal(["BT", "CN", "MN", "MX"], checklist.ListingsOf("Ursus arctos").Single(l => l.Appendix == Appendix.I).Populations);
        Assert.Equal(new DomesticatedForm("Bos grunniens", "Bos mutus", ReferenceData.Tables().Domesticated[0].Source), checklist.Domesticated("Bos grunniens"));
        Assert.Contains("referenced as Bos grunniens", checklist.Domesticated("bos grunniens")!.Source, StringComparison.Ordinal);
        Assert.Empty(checklist.ListingsOf("Bos grunniens"));
        Assert.All(
            new[] { "Panthera leo", "Ursus arctos", "Cacatua alba", "Aix galericulata", "Aquila chrysaetos", "Grus japonensis", "Ara ararauna", "Chrysolophus pictus" }.SelectMany(checklist.ListingsOf),
            l => Assert.True(l.Source.Length > 40 && l.AsOf >= checklist.AsOf, $"{l.Taxon}: {l.Source} as of {l.AsOf}"));
    }

    [Fact]
    public void Pheasants_listed_by_pakistan_are_appendix_III_from_2014_and_a_name_the_snapshot_lacks_is_added()
    {
        var checklist = ReferenceData.Embedded();
        var on = new DateOnly(2024, 11, 20);

        var peafowl = Assert.Single(checklist.ListingsOf("Pavo cristatus", on));

        Assert.Empty(checklist.ListingsOf("Pavo cristatus"));
        Assert.Equal((Appendix.III, "PK", new DateOnly(2014, 6, 24)), (peafowl.Appendix, peafowl.ListingParty, peafowl.EffectiveFrom));
        Assert.Equal(new ChecklistTaxon("Pavo cristatus", TaxonRank.Species, "Pavo"), checklist.Taxon("Pavo cristatus"));
        Assert.Equal("Phasianidae", checklist.Parent("Pavo"));
        Assert.Equal("Phasianidae", checklist.Parent("Pucrasia macrolopha"));
        Assert.Equal((Appendix.III, "PK"), (checklist.ListingsOf("Lophura leucomelanos", on)[0].Appendix, checklist.ListingsOf("Lophura leucomelanos", on)[0].ListingParty));
        Assert.True(checklist.HasListingBelow("Phasianidae"));
        Assert.Equal(new DateOnly(2014, 6, 24), checklist.FirstListed("Pavo cristatus"));
    }

    [Fact]
    public void A_correction_older_than_the_checklist_is_not_applied()
    {
        var checklist = new ChecklistContents
        {
            Source = "a current export",
            AsOf = new DateOnly(2026, 11, 1),
            Taxa = [new("Panthera leo", TaxonRank.Species, null)],
            Listings = [new CitesListing { Taxon = "Panthera leo", Appendix = Appendix.II, EffectiveFrom = new(1977, 2, 4), Source = "a current export", AsOf = new(2026, 11, 1) }],
        };

        var (contents, applied) = ListingCorrection.Apply(checklist, ReferenceData.Tables().Corrections);

        Assert.Equal(0, applied);
        Assert.Same(checklist, contents);
    }

    [Fact]
    public void Parties_carry_their_date_of_entry_into_force_as_of_date_and_source()
    {
        var checklist = ReferenceData.Embedded();

        var russia = checklist.Party("RU")!;
        var korea = checklist.Party("KP")!;
        var haiti = checklist.Party("HT")!;

        Assert.Equal((true, new DateOnly(1992, 1, 1), new DateOnly(2025, 11, 24)), (russia.IsParty, russia.EntryIntoForce, russia.AsOf));
        Assert.Contains("chronological list of Parties", russia.Source, StringComparison.Ordinal);
        Assert.Contains("USSR", russia.Source, StringComparison.Ordinal);
        Assert.Equal((false, null, new DateOnly(2025, 11, 24)), (korea.IsParty, korea.EntryIntoForce, korea.AsOf));
        Assert.Contains("Not a Party on 2025-11-24", korea.Source, StringComparison.Ordinal);
        Assert.Equal((false, new DateOnly(2025, 11, 24)), (haiti.IsParty, haiti.AsOf));
        Assert.Equal((true, new DateOnly(2025, 1, 2)), (checklist.Party("TM")!.IsParty, checklist.Party("TM")!.EntryIntoForce));
        Assert.Equal(new DateOnly(1993, 10, 7), checklist.Party("KR")!.EntryIntoForce);
        Assert.Equal(new DateOnly(1975, 7, 1), checklist.Party("US")!.EntryIntoForce);
        Assert.Equal(new DateOnly(2014, 5, 6), checklist.Party("IQ")!.EntryIntoForce);
        Assert.Null(checklist.Party("EU"));
        Assert.Null(checklist.Party("BQ"));
        Assert.Equal(189, ReferenceData.Tables().Parties.Count(p => p.IsParty));
        Assert.Equal(10, ReferenceData.Tables().Parties.Count(p => !p.IsParty));
    }

    [Fact]
    public void Native_ranges_and_sanctions_name_their_sources()
    {
        var checklist = ReferenceData.Embedded();

        Assert.Contains("RU", checklist.NativeRange("Aix galericulata")!.Countries);
        Assert.Contains("UNSOURCED", checklist.NativeRange("Aix galericulata")!.Source, StringComparison.Ordinal);
        Assert.Equal(["RU", "CN", "KP", "KR", "JP", "MN"], checklist.NativeRange("Grus japonensis")!.Countries);
        var sanctions = checklist.Sanctions("KP")!;
        Assert.Contains("1718", sanctions.Measures, StringComparison.Ordinal);
        Assert.Contains("2397", sanctions.Measures, StringComparison.Ordinal);
        Assert.Contains("https://press.un.org/en/2006/sc8853.doc.htm", sanctions.Source, StringComparison.Ordinal);
        Assert.Null(checklist.Sanctions("RU"));
    }

    [Fact]
    public void Country_names_match_whatever_their_case_accents_and_article()
    {
        var countries = ReferenceData.Countries();

        Assert.Equal("CI", countries.Code("Cote d'Ivoire"));
        Assert.Equal("TZ", countries.Code("the United Republic of Tanzania"));
        Assert.Equal("BO", countries.Code("Bolivia"));
        Assert.Equal("PK", countries.Code("pakistan"));
        Assert.Equal("BA", countries.Code("Bosnia and Herzegovina"));
        Assert.Null(countries.Code("Atlantis"));
    }
}
