using System.Text;
using Menagerie.App.Compliance;
using Menagerie.App.Compliance.Reference;
using Menagerie.Domain.Compliance;

namespace Menagerie.App.Tests.Compliance.Reference;

/// <summary>
/// The listing in force on the day of a check, from the 2013 checklist and the listing changes shipped over it:
/// names resolve to the Appendix of that day, either side of an amendment.
/// </summary>
public sealed class ListingHistoryTests
{
    private static readonly Checklist Shipped = ReferenceData.Embedded();

    /// <summary>One animal of a taxon sent from Russia to Germany, both Parties, with a Russian export permit valid for a year.</summary>
    private static ComplianceReport Check(string taxon, DateOnly on, string to = "DE") => Check(
        taxon, on, from: "RU", to, population: null, source: "C",
        documents: $$"""[{"type": "export-permit", "number": "RU-1", "issuer": "RU", "issued": "{{on.AddDays(-10):yyyy-MM-dd}}", "validUntil": "{{on.AddMonths(6):yyyy-MM-dd}}"}]""");

    /// <summary>A wild robin sent from Ukraine or Germany to Poland with no documents, the population of origin given or not.</summary>
    private static ComplianceReport Robin(string from, string? population, DateOnly on) =>
        Check("Erithacus rubecula", on, from, to: "PL", population, source: "W", documents: "[]");

    private static ComplianceReport Check(string taxon, DateOnly on, string from, string to, string? population, string source, string documents)
    {
        var origin = population is null ? "" : $", \"population\": \"{population}\"";
        var json = $$"""
            {
              "reference": "TEST", "from": {"country": "{{from}}", "institution": "Zoo"}, "to": {"country": "{{to}}", "institution": "Zoo"},
              "date": "{{on:yyyy-MM-dd}}", "purpose": "Z", "terms": "loan", "transport": {"mode": "air", "transit": []},
              "lines": [{"taxon": "{{taxon}}", "count": 1, "sex": "female", "source": "{{source}}", "crate": "A-1"{{origin}}}],
              "documents": {{documents}}
            }
            """;
        var (shipment, problems) = ShipmentFile.Read(Encoding.UTF8.GetBytes(json), "test.json");
        Assert.Empty(problems);
        return Rulebook.Check(shipment!, Shipped, on);
    }

    private static ListingResolution Listing(string taxon, DateOnly on) => Check(taxon, on).Listings.Single();

    [Fact]
    public void Grey_parrots_between_two_parties_need_only_an_export_permit_in_2016_and_an_import_permit_too_in_2024()
    {
        var before = Check("Psittacus erithacus", new(2016, 6, 1));
        var after = Check("Psittacus erithacus", new(2024, 6, 1));

        Assert.Equal(Appendix.II, before.Listings[0].Appendix);
        Assert.Equal("Psittaciformes", before.Listings[0].Listing!.Taxon);
        Assert.DoesNotContain(before.Requirements, r => r.Rule is "C-10" or "C-11" or "C-12");
        Assert.Contains(before.Requirements, r => r.Rule == "C-20" && r.Status == RequirementStatus.Satisfied);

        Assert.Equal(Appendix.I, after.Listings[0].Appendix);
        Assert.Equal("Psittacus erithacus", after.Listings[0].Listing!.Taxon);
        Assert.Equal(new DateOnly(2017, 1, 2), after.Listings[0].Listing!.EffectiveFrom);
        Assert.StartsWith("CoP17 Prop. 19: ", after.Listings[0].Listing!.Source, StringComparison.Ordinal);
        Assert.Contains(after.Blocks, b => b.Rule == "C-11" && b.Need!.IssuingState == "DE");
        Assert.DoesNotContain(after.Requirements, r => r.Rule == "C-20");
    }

    [Fact]
    public void A_species_transferred_out_of_an_order_listing_was_first_listed_with_the_order()
    {
        Assert.Null(Shipped.FirstListed("Psittacus erithacus"));
        Assert.Equal(new DateOnly(2023, 2, 23), Shipped.FirstListed("Kittacincla malabarica"));
    }

    [Fact]
    public void The_day_before_and_the_day_an_amendment_comes_into_force()
    {
        Assert.Equal(Appendix.II, Listing("Psittacus erithacus", new(2017, 1, 1)).Appendix);
        Assert.Equal(Appendix.I, Listing("Psittacus erithacus", new(2017, 1, 2)).Appendix);
    }

    [Fact]
    public void A_species_added_at_CoP19_is_not_listed_before_it_and_in_Appendix_II_after()
    {
        // Cynomys mexicanus: Appendix I in 2013, transferred to II at CoP19; the black-breasted leaf turtle added.
        Assert.Equal(Appendix.I, Listing("Cynomys mexicanus", new(2022, 6, 1)).Appendix);
        Assert.Equal(Appendix.II, Listing("Cynomys mexicanus", new(2023, 6, 1)).Appendix);

        var added = Shipped.ChangesOf("Kittacincla malabarica").Single();
        Assert.Equal((ListingChangeKind.Added, (Appendix?)Appendix.II, new DateOnly(2023, 2, 23)), (added.Kind, added.To, added.EffectiveFrom));
        Assert.Equal(ListingOutcome.NotListed, Listing("Kittacincla malabarica", new(2022, 6, 1)).Outcome);
        Assert.Equal((ListingOutcome.Listed, Appendix.II), (Listing("Kittacincla malabarica", new(2023, 6, 1)).Outcome, Listing("Kittacincla malabarica", new(2023, 6, 1)).Appendix));
    }

    [Fact]
    public void A_species_deleted_from_the_Appendices_is_listed_before_and_not_after()
    {
        var deleted = Shipped.ChangesOf("Monachus tropicalis").Single();
        Assert.Equal(ListingChangeKind.Deleted, deleted.Kind);

        Assert.Equal((ListingOutcome.Listed, Appendix.I), (Listing("Monachus tropicalis", new(2025, 6, 1)).Outcome, Listing("Monachus tropicalis", new(2025, 6, 1)).Appendix));
        var after = Listing("Monachus tropicalis", new(2026, 6, 1));
        Assert.Equal(ListingOutcome.NotListed, after.Outcome);
        Assert.Equal(deleted.EffectiveFrom, after.Listing!.EffectiveFrom);
    }

    [Fact]
    public void Listings_the_base_already_holds_are_not_changed_again_and_each_change_has_its_own_meeting()
    {
        // Swinhoe's softshell went into Appendix II at CoP16 (2013) and stayed there; it was never in Appendix I.
        var softshell = Listing("Rafetus swinhoei", new(2024, 6, 1));
        Assert.Equal((Appendix.II, new DateOnly(2013, 6, 12)), (softshell.Appendix, softshell.Listing!.EffectiveFrom));
        Assert.Empty(Shipped.ChangesOf("Pelodiscus maackii"));

        // The tokay gecko: CoP18, not CoP19.
        Assert.Equal(ListingOutcome.NotListed, Listing("Gekko gecko", new(2019, 11, 25)).Outcome);
        Assert.Equal((ListingOutcome.Listed, Appendix.II), (Listing("Gekko gecko", new(2019, 11, 26)).Outcome, Listing("Gekko gecko", new(2019, 11, 26)).Appendix));

        // The great-billed seed finch: Appendix II with its look-alikes, not Appendix I as proposed.
        Assert.Equal(ListingOutcome.NotListed, Listing("Sporophila maximiliani", new(2026, 3, 4)).Outcome);
        Assert.Equal(Appendix.II, Listing("Sporophila maximiliani", new(2026, 3, 5)).Appendix);
    }

    [Fact]
    public void An_Appendix_III_listing_by_a_party_applies_from_its_date()
    {
        Assert.Equal(ListingOutcome.NotListed, Listing("Pavo cristatus", new(2014, 1, 1)).Outcome);
        var listed = Listing("Pavo cristatus", new(2015, 1, 1));
        Assert.Equal((Appendix.III, "PK"), (listed.Appendix, listed.Listing!.ListingParty));
    }

    [Fact]
    public void Ukraine_lists_its_own_songbirds_in_Appendix_III_from_22_June_2021_and_no_other_population()
    {
        var before = Robin("UA", "UA", new(2021, 6, 21));
        var ukrainian = Robin("UA", "UA", new(2021, 6, 22));
        var german = Robin("DE", "DE", new(2021, 6, 22));
        var unknown = Robin("DE", null, new(2021, 6, 22));

        Assert.Equal(ListingOutcome.NotListed, before.Listings[0].Outcome);
        Assert.DoesNotContain(before.Blocks, b => b.Rule.StartsWith("C-3", StringComparison.Ordinal));

        Assert.Equal((Appendix.III, "UA"), (ukrainian.Listings[0].Appendix, ukrainian.Listings[0].Listing!.ListingParty));
        Assert.Contains(ukrainian.Blocks, b => b.Rule == "C-30" && b.Need!.IssuingState == "UA");

        Assert.Equal(ListingOutcome.NotListed, german.Listings[0].Outcome);
        Assert.DoesNotContain(german.Blocks, b => b.Rule.StartsWith("C-3", StringComparison.Ordinal));

        // Without the population of origin the bird could be Ukrainian: the stricter listing applies, and C-02 says why.
        Assert.Equal([Appendix.III, Appendix.NotListed], unknown.Listings[0].Possible);
        Assert.Contains(unknown.Requirements, r => r.Rule == "C-02" && r.Status != RequirementStatus.Satisfied);
        Assert.Contains(unknown.Blocks, b => b.Rule == "C-31" && b.Need!.IssuingState == "DE");
    }

    [Fact]
    public void The_snapping_turtle_and_the_softshells_are_in_Appendix_III_for_the_United_States_from_2016_until_CoP19_moved_them_to_Appendix_II()
    {
        Assert.Equal(ListingOutcome.NotListed, Listing("Chelydra serpentina", new(2016, 6, 1)).Outcome);
        var snapping = Listing("Chelydra serpentina", new(2017, 6, 1));
        // The genus Apalone is its three species; an animal named only to the genus is not identified, so the listing is read.
        var softshells = Assert.Single(Shipped.ListingsOf("Apalone", new(2017, 6, 1)));

        Assert.Equal((Appendix.III, "US"), (snapping.Appendix, snapping.Listing!.ListingParty));
        Assert.Equal((Appendix.III, "US"), (softshells.Appendix, softshells.ListingParty));
        Assert.DoesNotContain(Shipped.ListingsOf("Apalone", new(2016, 6, 1)), l => l.Appendix != Appendix.NotListed);
        Assert.Equal(Appendix.I, Listing("Apalone spinifera atra", new(2017, 6, 1)).Appendix);
        Assert.Equal(Appendix.II, Listing("Chelydra serpentina", new(2024, 6, 1)).Appendix);
        Assert.Equal(Appendix.II, Assert.Single(Shipped.ListingsOf("Apalone", new(2024, 6, 1))).Appendix);
        Assert.Equal(Appendix.I, Listing("Apalone spinifera atra", new(2024, 6, 1)).Appendix);
    }

    [Fact]
    public void A_synonym_from_a_taxonomic_change_resolves_to_the_listed_taxon()
    {
        var shama = Listing("Copsychus malabaricus", new(2024, 6, 1));
        Assert.Equal(("Kittacincla malabarica", Appendix.II), (shama.Taxon, shama.Appendix));

        var timneh = Listing("Psittacus erithacus timneh", new(2024, 6, 1));
        Assert.Equal(("Psittacus timneh", Appendix.I), (timneh.Taxon, timneh.Appendix));
        Assert.Equal(Appendix.II, Listing("Psittacus erithacus timneh", new(2016, 6, 1)).Appendix);

        // Ukraine listed its birds under the names CITES used then; today's genera resolve to them.
        var coalTit = Listing("Periparus ater", new(2024, 6, 1));
        var linnet = Listing("Linaria cannabina", new(2024, 6, 1));
        Assert.Equal(("Parus ater", Appendix.III), (coalTit.Taxon, coalTit.Appendix));
        Assert.Equal(("Carduelis cannabina", Appendix.III), (linnet.Taxon, linnet.Appendix));
    }

    [Fact]
    public void The_pumas_lumped_into_the_eastern_cougar_at_CoP17_are_in_Appendix_II_from_then_and_the_Costa_Rican_puma_stays_in_I()
    {
        Assert.Equal(Appendix.I, Listing("Puma concolor coryi", new(2016, 6, 1)).Appendix);
        var florida = Listing("Puma concolor coryi", new(2024, 6, 1));
        Assert.Equal(("Puma concolor couguar", Appendix.II), (florida.Taxon, florida.Appendix));
        Assert.Equal(Appendix.II, Listing("Puma concolor couguar", new(2024, 6, 1)).Appendix);
        Assert.Equal(Appendix.I, Listing("Puma concolor costaricensis", new(2024, 6, 1)).Appendix);
        Assert.Equal(Appendix.I, Listing("Lichenostomus melanops cassidix", new(2016, 6, 1)).Appendix);
        Assert.Equal(Appendix.II, Listing("Lichenostomus melanops cassidix", new(2024, 6, 1)).Appendix);
    }

    [Fact]
    public void A_species_the_checklist_does_not_name_is_covered_by_its_genus_listed_as_a_whole_from_the_day_of_that_listing()
    {
        // A crocodile newt described in 2015, after the checklist's edition; its genus came into Appendix II at CoP18.
        var newt = Check("Tylototriton anguliceps", new(2024, 6, 1));
        var listing = newt.Listings.Single();
        Assert.Equal((ListingOutcome.Listed, Appendix.II, "Tylototriton"), (listing.Outcome, listing.Appendix, listing.CoveredByGenus));
        Assert.Equal("Tylototriton", listing.Listing!.Taxon);
        Assert.Equal(["Tylototriton anguliceps", "Tylototriton"], listing.Lineage.Take(2));
        var warning = Assert.Single(newt.Requirements, r => r.Rule == "C-01" && r.Severity == Severity.Warn && r.Status != RequirementStatus.Expired);
        Assert.Contains("'Tylototriton anguliceps' is not a name in the checklist", warning.Message.ToString(), StringComparison.Ordinal);
        Assert.Contains("Appendix II under Tylototriton since 2019-11-26", warning.Message.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(newt.Blocks, b => b.Rule == "C-01");

        // Before CoP18 nothing covered the genus: a name the checklist does not know stays unknown.
        var before = Check("Tylototriton anguliceps", new(2018, 6, 1)).Listings.Single();
        Assert.Equal(ListingOutcome.NotInChecklist, before.Outcome);
    }

    [Fact]
    public void The_geckos_native_to_Japan_are_left_out_of_the_CoP18_listing_of_their_genus_until_Japan_lists_them_in_Appendix_III()
    {
        var left = Listing("Goniurosaurus kuroiwae", new(2020, 6, 1));
        Assert.Equal((ListingOutcome.NotListed, "Goniurosaurus"), (left.Outcome, left.Listing!.Taxon));

        var japan = Listing("Goniurosaurus kuroiwae", new(2024, 6, 1));
        Assert.Equal((Appendix.III, "JP"), (japan.Appendix, japan.Listing!.ListingParty));
        var newt = Listing("Echinotriton andersoni", new(2024, 6, 1));
        Assert.Equal((Appendix.III, "JP"), (newt.Appendix, newt.Listing!.ListingParty));
        var lizard = Listing("Calotes liolepis", new(2024, 6, 1));
        Assert.Equal((Appendix.III, "LK"), (lizard.Appendix, lizard.Listing!.ListingParty));
        Assert.Equal(ListingOutcome.NotListed, Listing("Calotes liolepis", new(2021, 2, 13)).Outcome);
    }

    /// <summary>CoP20's water frogs are adopted but come into force only in 2027: today's newest change is another, and they are the next.</summary>
    [Fact]
    public void The_newest_change_is_the_newest_in_force_and_an_adopted_one_still_to_come_is_the_next()
    {
        var today = new DateOnly(2026, 12, 8);

        var newest = Shipped.NewestChangeOn(today);
        var next = Shipped.NextChangeAfter(today);
        var afterFrogs = Shipped.NewestChangeOn(new DateOnly(2027, 7, 1));

        Assert.Equal((new DateOnly(2026, 3, 5), "CoP20"), (newest!.EffectiveFrom, newest.Meeting[..5]));
        Assert.Equal(new DateOnly(2027, 6, 5), next!.EffectiveFrom);
        Assert.StartsWith("Pelophylax ", next.Taxon, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2027, 6, 5), afterFrogs!.EffectiveFrom);
        Assert.Null(Shipped.NextChangeAfter(new DateOnly(2027, 7, 1)));
        Assert.Null(Shipped.NewestChangeOn(Shipped.AsOf));
    }

    [Fact]
    public void A_species_the_checklist_does_not_name_stays_unknown_where_species_of_its_genus_are_listed_apart()
    {
        // Species of Panthera are listed in their own names (the lion in II, the tiger in I): an unknown one could be either;
        // so are Japan's six Goniurosaurus, in Appendix III, beside the genus in II.
        Assert.Equal(ListingOutcome.NotInChecklist, Listing("Panthera fantasia", new(2024, 6, 1)).Outcome);
        Assert.Equal(ListingOutcome.NotInChecklist, Listing("Goniurosaurus fantasia", new(2024, 6, 1)).Outcome);
        Assert.Equal(ListingOutcome.NotInChecklist, Listing("Nogenus nospecies", new(2024, 6, 1)).Outcome);
        Assert.Contains(Check("Nogenus nospecies", new(2024, 6, 1)).Blocks, b => b.Rule == "C-01");
    }

    [Fact]
    public void Listings_of_mammals_and_birds_are_current_as_far_as_the_changes_are_complete_and_draw_no_stale_warning()
    {
        var parrot = Check("Psittacus erithacus", new(2026, 12, 1));

        Assert.Equal(new DateOnly(2026, 12, 6), parrot.Listings[0].CurrentAsOf);
        Assert.DoesNotContain(parrot.Requirements, r => r.Rule == "C-01" && r.Status == RequirementStatus.Expired);
        // Appendix III changes are not covered: a listing of 2014 is as old as its source says.
        var peafowl = Check("Pavo cristatus", new(2026, 12, 1));
        Assert.Contains(peafowl.Requirements, r => r.Rule == "C-01" && r.Status == RequirementStatus.Expired && r.Severity == Severity.Warn);
    }

    [Fact]
    public void A_state_is_a_party_only_from_its_entry_into_force()
    {
        var turkmenistan = Shipped.Party("TM")!;
        Assert.Equal(new DateOnly(2025, 1, 2), turkmenistan.EntryIntoForce);

        var before = Check("Panthera leo", new(2024, 12, 1), to: "TM");
        var after = Check("Panthera leo", new(2025, 2, 1), to: "TM");

        Assert.Contains(before.Requirements, r => r.Rule == "P-01" && r.Message.ToString().Contains("is a Party only from 2025-01-02", StringComparison.Ordinal));
        Assert.Contains(before.Requirements, r => r.Rule == "C-61");
        Assert.DoesNotContain(after.Requirements, r => r.Rule == "C-61");
    }

    [Fact]
    public void The_party_list_names_every_party_with_its_entry_into_force_and_source()
    {
        var parties = Shipped.Parties.Where(p => p.IsParty).ToList();

        Assert.Equal(184, parties.Count(p => p.Code.Length == 2 && !IsTerritory(p.Code)));
        Assert.All(parties, p => Assert.NotNull(p.EntryIntoForce));
        Assert.All(Shipped.Parties, p => Assert.False(string.IsNullOrWhiteSpace(p.Source)));
        Assert.False(Shipped.Party("KP")!.IsParty);
        Assert.Equal(new DateOnly(2022, 1, 4), Shipped.Party("AD")!.EntryIntoForce);

        // Territories the list carries under the states that are Parties for them.
        static bool IsTerritory(string code) => code is "BL" or "BM" or "CW" or "NC" or "SX";
    }
}
