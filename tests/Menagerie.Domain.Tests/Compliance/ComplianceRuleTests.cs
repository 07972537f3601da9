using Menagerie.Domain.Compliance;
using Menagerie.Domain.Documents;
using Menagerie.Domain.Transfers;
using static Menagerie.Domain.Tests.Compliance.Reference;

namespace Menagerie.Domain.Tests.Compliance;

/// <summary>The Given/When/Then cases of §9 of the transfer rules reference, and more.</summary>
public sealed class ComplianceRuleTests
{
    private static readonly DateOnly Issued = Departure.AddMonths(-1);

    [Fact]
    public void An_African_lion_to_a_non_Party_passes_on_a_Russian_export_permit_with_warnings_and_is_blocked_without_it()
    {
        var lion = Line(1, "Panthera leo") with { Population = "ZA" };

        var withPermit = Check(RussiaTo("KP", [lion], Document(DocumentType.CitesExportPermit, "RU", Issued, 1)));
        var without = Check(RussiaTo("KP", [lion]));

        Assert.Empty(withPermit.Blocks);
        Assert.Equal(Verdict.Warnings, withPermit.Verdict);
        Assert.Contains(withPermit.Of("C-64"), r => r.IsOpen);
        Assert.Equal(RequirementStatus.Satisfied, Assert.Single(withPermit.Of("C-60")).Status);
        Assert.Equal(Appendix.II, withPermit.Listings[0].Appendix);
        Assert.True(without.Blocks("C-60"));
        Assert.Equal(Verdict.Blocked, without.Verdict);
    }

    [Fact]
    public void A_brown_bear_of_unknown_lineage_is_taken_as_Appendix_I_and_needs_the_importers_comparable_documentation()
    {
        var report = Check(RussiaTo("KP", [Line(1, "Ursus arctos")], Document(DocumentType.CitesExportPermit, "RU", Issued, 1)));

        Assert.Equal(Appendix.I, report.Listings[0].Appendix);
        Assert.Equal([Appendix.I, Appendix.II], report.Listings[0].Possible);
        Assert.Equal(Severity.Warn, Assert.Single(report.Of("C-02")).Severity);
        var blocked = Assert.Single(report.Blocks);
        Assert.Equal(("C-61", RequirementStatus.Missing), (blocked.Rule, blocked.Status));
        Assert.Equal(new DocumentNeed(DocumentType.ComparableDocumentation, "KP", Departure, 1), blocked.Need);
    }

    [Fact]
    public void A_brown_bear_of_the_Russian_population_is_Appendix_II_and_passes_on_the_export_permit()
    {
        var report = Check(RussiaTo("KP", [Line(1, "Ursus arctos") with { Population = "RU" }], Document(DocumentType.CitesExportPermit, "RU", Issued, 1)));

        Assert.Equal(Appendix.II, report.Listings[0].Appendix);
        Assert.Empty(report.Blocks);
        Assert.Empty(report.Of("C-61"));
    }

    [Fact]
    public void A_domestic_yak_needs_no_CITES_document_and_a_domestic_yak_recorded_as_the_wild_yak_draws_a_warning()
    {
        var grunniens = Check(RussiaTo("KP", [Line(1, "Bos grunniens")]));
        var mutus = Check(RussiaTo("KP", [Line(1, "Bos mutus") with { Domestic = true }]));
        var wild = Check(RussiaTo("KP", [Line(1, "Bos mutus")]));

        Assert.Equal((Severity.Info, RequirementStatus.Satisfied), Assert.Single(grunniens.Of("C-03")).Let(r => (r.Severity, r.Status)));
        Assert.Empty(grunniens.Of("C-60"));
        Assert.Empty(grunniens.Blocks);
        Assert.True(Assert.Single(mutus.Of("C-03")).Let(r => r.Severity == Severity.Warn && r.IsOpen));
        Assert.Empty(mutus.Of("C-60"));
        Assert.True(wild.Blocks("C-61"));
    }

    [Fact]
    public void An_export_permit_issued_more_than_six_months_before_departure_cannot_be_used()
    {
        var permit = Document(DocumentType.CitesExportPermit, "RU", new(2024, 4, 1), 1);

        var report = Check(RussiaTo("KP", [Line(1, "Cacatua alba")], permit));

        var validity = Assert.Single(report.Of("C-50"));
        Assert.Equal((Severity.Block, RequirementStatus.Expired), (validity.Severity, validity.Status));
        Assert.Equal(RequirementStatus.Expired, Assert.Single(report.Of("C-60")).Status);
    }

    [Fact]
    public void A_permit_presented_for_another_consignment_cannot_serve_this_one()
    {
        var permit = Document(DocumentType.CitesExportPermit, "RU", Issued, 1) with { AlsoUsedFor = ["APR-2024"] };

        var report = Check(RussiaTo("KP", [Line(1, "Cacatua alba")], permit));

        Assert.True(report.Blocks("C-53"));
    }

    [Fact]
    public void Appendix_I_from_an_operation_not_in_the_register_stays_Appendix_I()
    {
        var bear = Line(1, "Ursus arctos") with { Population = "CN", Source = 'D', Exemption = Exemption.RegisteredCaptiveBreeding };
        var registered = bear with { RegisteredOperation = "A-CN-501" };

        Assert.True(Check(RussiaTo("DE", [bear])).Blocks("C-41"));
        var deemed = Check(RussiaTo("DE", [registered], Document(DocumentType.CitesExportPermit, "RU", Issued, 1)));
        Assert.False(deemed.Blocks("C-41"));
        Assert.Empty(deemed.Of("C-11"));
        Assert.Equal(RequirementStatus.Satisfied, Assert.Single(deemed.Of("C-20")).Status);
    }

    [Fact]
    public void Born_in_captivity_does_not_open_the_captive_breeding_route()
    {
        var bear = Line(1, "Ursus arctos") with { Population = "CN", Source = 'F', Exemption = Exemption.CaptiveBreeding };

        Assert.True(Check(RussiaTo("DE", [bear])).Blocks("C-43"));
    }

    [Fact]
    public void The_scientific_exchange_exemption_never_covers_a_live_animal()
    {
        Assert.True(Check(RussiaTo("DE", [Line(1, "Cacatua alba") with { Exemption = Exemption.ScientificExchange }])).Blocks("C-46"));
    }

    [Fact]
    public void The_travelling_exhibition_exemption_is_not_for_a_gift()
    {
        var line = Line(1, "Cacatua alba") with { Exemption = Exemption.TravellingExhibition };

        Assert.True(Check(RussiaTo("DE", [line])).Blocks("C-47"));
        var loan = Check(RussiaTo("DE", [line]) with { Terms = TransferTerms.Loan, Purpose = 'Q' });
        Assert.Equal(RequirementStatus.Missing, Assert.Single(loan.Of("C-47")).Status);
        Assert.Contains("travelling-exhibition certificate", loan.Of("C-47").Single().Message.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_budgerigar_is_excluded_from_the_parrot_listing_and_needs_no_CITES_document()
    {
        var report = Check(RussiaTo("DE", [Line(1, "Melopsittacus undulatus")]));

        Assert.Equal(ListingOutcome.NotListed, report.Listings[0].Outcome);
        Assert.DoesNotContain(report.Requirements, r => r.Rule is "C-20" or "C-60" or "C-01" && r.IsOpen);
    }

    [Fact]
    public void A_clinical_examination_twelve_days_before_departure_is_too_old_by_default()
    {
        var line = Line(1, "Cacatua alba") with { ExaminedOn = Departure.AddDays(-12) };

        var report = Check(RussiaTo("DE", [line]));
        var longer = Check(RussiaTo("DE", [line]) with { ExaminationWindowDays = 14 });

        Assert.Equal(RequirementStatus.Expired, Assert.Single(report.Blocks, r => r.Rule == "V-02").Status);
        Assert.False(longer.Blocks("V-02"));
    }

    [Fact]
    public void Two_bears_in_one_crate_are_blocked_and_one_each_passes()
    {
        var together = Check(RussiaTo("DE", [Line(1, "Ursus arctos", 2) with { Population = "RU", Crate = "B1" }]));
        var apart = Check(RussiaTo("DE", [Line(1, "Ursus arctos") with { Population = "RU", Crate = "B1" }, Line(2, "Ursus arctos") with { Population = "RU", Crate = "B2" }]));

        Assert.True(together.Blocks("W-03"));
        Assert.All(apart.Of("W-03"), r => Assert.Equal(RequirementStatus.Satisfied, r.Status));
        Assert.Equal(2, apart.Of("W-03").Count());
    }

    [Fact]
    public void A_cockatoo_and_a_pheasant_do_not_share_a_crate_and_same_species_need_confirming_as_compatible()
    {
        var mixed = Check(RussiaTo("DE", [Line(1, "Cacatua alba") with { Crate = "A" }, Line(2, "Chrysolophus pictus") with { Crate = "A" }]));
        var pheasants = Check(RussiaTo("DE", [Line(1, "Chrysolophus pictus", 3) with { Crate = "P" }]));
        var compatible = Check(RussiaTo("DE", [Line(1, "Chrysolophus pictus", 3) with { Crate = "P", Compatible = true }]));

        Assert.True(mixed.Blocks("W-04"));
        Assert.True(Assert.Single(pheasants.Of("W-04")).Let(r => r.Severity == Severity.Warn && r.IsOpen));
        Assert.Equal(RequirementStatus.Satisfied, Assert.Single(compatible.Of("W-04")).Status);
    }

    [Fact]
    public void Sedation_without_a_veterinarian_on_board_is_blocked()
    {
        var shipment = RussiaTo("DE", [Line(1, "Cacatua alba") with { Sedated = true }]);

        Assert.True(Check(shipment).Blocks("W-06"));
        Assert.False(Check(shipment with { Transport = new() { VeterinarianTravelling = true } }).Blocks("W-06"));
    }

    /// <summary>§9 case 16: an air waybill that also lists other cargo, and a Shipper's Certification signed by a forwarder.</summary>
    [Fact]
    public void An_airline_waybill_with_other_goods_or_a_certification_signed_by_a_forwarder_blocks()
    {
        var waybill = new AirWaybill { Number = "555-12345675", HandlingCodes = ["AVI"] };
        var certification = Document(DocumentType.ShippersCertification, "RU", Departure.AddDays(-1)) with { SignedBy = CertificationSigner.Shipper };
        var byAirline = RussiaTo("DE", [Line(1, "Cacatua alba")], certification) with { Transport = new() { AirWaybill = waybill } };

        var clean = Check(byAirline);
        var otherGoods = Check(byAirline with { Transport = new() { AirWaybill = waybill with { OtherGoods = true } } });
        var noAvi = Check(byAirline with { Transport = new() { AirWaybill = waybill with { HandlingCodes = ["PER"] } } });
        var forwarder = Check(byAirline with { Documents = [certification with { SignedBy = CertificationSigner.Forwarder }] });
        var uncertified = Check(byAirline with { Documents = [] });
        var stateAircraft = Check(RussiaTo("DE", [Line(1, "Cacatua alba")]) with { Transport = new() { StateAircraft = true } });

        Assert.False(clean.Blocks("T-14") || clean.Blocks("T-15") || clean.Blocks("T-16"));
        Assert.True(otherGoods.Blocks("T-15"));
        Assert.True(noAvi.Blocks("T-16"));
        Assert.Contains(forwarder.Of("T-14"), r => r.IsOpen && r.Message.ToString().Contains("signed by a forwarder", StringComparison.Ordinal));
        Assert.True(uncertified.Blocks("T-14"));
        Assert.Empty(stateAircraft.Of("T-14").Concat(stateAircraft.Of("T-15")).Concat(stateAircraft.Of("T-16")));
    }

    [Fact]
    public void Pure_bred_horses_from_the_United_Kingdom_to_the_DPRK_are_luxury_goods_and_other_animals_need_a_legal_review()
    {
        var horse = Line(1, "Equus caballus") with { Domestic = true };
        var fromUk = Check(RussiaTo("KP", [horse]) with { Exporter = "GB" });
        var bird = Check(RussiaTo("KP", [Line(1, "Chrysolophus pictus")]));

        Assert.True(fromUk.Blocks("L-20"));
        Assert.False(bird.Blocks("L-20"));
        Assert.True(Assert.Single(bird.Of("L-20")).Let(r => r.Severity == Severity.Warn && r.IsOpen));
    }

    [Fact]
    public void Appendix_III_of_Pakistan_from_Russia_to_a_non_Party_gets_a_recommended_certificate_of_origin()
    {
        var report = Check(RussiaTo("KP", [Line(1, "Pavo cristatus")]));

        var origin = Assert.Single(report.Of("C-33"));
        Assert.Equal((Severity.Warn, RequirementStatus.Missing, DocumentType.CertificateOfOrigin), (origin.Severity, origin.Status, origin.Need!.Type));
        Assert.Empty(report.Of("C-60"));
        Assert.False(report.Blocks("C-33"));
    }

    [Fact]
    public void Pheasants_recorded_only_as_a_family_are_blocked_until_each_species_is_recorded()
    {
        var report = Check(RussiaTo("KP", [Line(1, "Phasianidae", 25)]));

        Assert.Equal(ListingOutcome.NotIdentified, report.Listings[0].Outcome);
        Assert.True(report.Blocks("C-01"));
    }

    [Fact]
    public void A_name_outside_the_checklist_is_blocked_and_a_synonym_resolves_to_its_accepted_name()
    {
        Assert.True(Check(RussiaTo("DE", [Line(1, "Nocatua nonexistens")])).Blocks("C-01"));
        var synonym = Check(RussiaTo("DE", [Line(1, "Cacatua galerita")]));
        Assert.Equal(("Cacatua alba", Appendix.II), (synonym.Listings[0].Taxon, synonym.Listings[0].Appendix));
    }

    [Fact]
    public void A_species_the_checklist_does_not_name_takes_the_listing_covering_its_whole_genus_with_a_warning()
    {
        // No cockatoo is listed apart from the parrots' order here: every Cacatua is in Appendix II.
        var report = Check(RussiaTo("DE", [Line(1, "Cacatua nonexistens")]));

        var listing = report.Listings[0];
        Assert.Equal((ListingOutcome.Listed, Appendix.II, "Cacatua"), (listing.Outcome, listing.Appendix, listing.CoveredByGenus));
        Assert.False(report.Blocks("C-01"));
        Assert.Contains(report.Requirements, r => r.Rule == "C-01" && r.Severity == Severity.Warn && r.Status == RequirementStatus.Missing);
    }

    [Fact]
    public void A_subspecies_the_checklist_does_not_name_takes_its_species_listing()
    {
        var report = Check(RussiaTo("DE", [Line(1, "Cacatua alba ophthalmica")]));

        Assert.Equal(("Cacatua alba", Appendix.II), (report.Listings[0].Taxon, report.Listings[0].Appendix));
        Assert.False(report.Blocks("C-01"));
    }

    [Fact]
    public void Between_Parties_Appendix_I_needs_an_import_permit_granted_before_the_export_permit()
    {
        var bear = Line(1, "Ursus arctos") with { Population = "MN" };
        var export = Document(DocumentType.CitesExportPermit, "RU", Issued, 1);
        var lateImport = Document(DocumentType.CitesImportPermit, "DE", Issued.AddDays(3), 1);
        var earlyImport = Document(DocumentType.CitesImportPermit, "DE", Issued.AddDays(-3), 1);

        var late = Check(RussiaTo("DE", [bear], export, lateImport));
        var early = Check(RussiaTo("DE", [bear], export, earlyImport));

        Assert.True(late.Blocks("C-12"));
        Assert.Equal(RequirementStatus.Satisfied, Assert.Single(early.Of("C-11")).Status);
        Assert.False(early.Blocks("C-12"));
        Assert.Equal(RequirementStatus.Satisfied, Assert.Single(early.Of("C-10")).Status);
    }

    [Fact]
    public void A_permit_covering_fewer_animals_than_the_line_is_insufficient_and_one_not_yet_valid_says_so()
    {
        var five = Line(1, "Cacatua alba", 5);
        var three = Document(DocumentType.CitesExportPermit, "RU", Issued) with { Covers = [(1, 3)] };
        var future = Document(DocumentType.CitesExportPermit, "RU", Issued) with { ValidFrom = Departure.AddDays(2) };

        Assert.Equal(RequirementStatus.InsufficientQuantity, Assert.Single(Check(RussiaTo("KP", [five], three)).Of("C-60")).Status);
        Assert.Equal(RequirementStatus.NotYetValid, Assert.Single(Check(RussiaTo("KP", [five], future)).Of("C-60")).Status);
    }

    [Fact]
    public void A_confirmed_warning_no_longer_counts_and_a_block_cannot_be_overridden()
    {
        var shipment = RussiaTo("DE", [Line(1, "Cacatua alba")], Document(DocumentType.CitesExportPermit, "RU", Issued, 1)) with
        {
            Quarantine = "30 days at the receiver",
            Transport = new() { Forecast = new(15, 20) },
        };
        var before = Check(shipment);
        var open = before.Requirements.Where(r => r.IsOpen).ToList();
        var overrides = open.Select(r => new RequirementOverride(r.Rule, r.Lines, "curator@DE", "checked", DateTime.UnixEpoch)).ToList();

        var after = Check(shipment, overrides);
        var blocked = Check(shipment with { Documents = [] }, [new RequirementOverride("C-20", [1], "curator@DE", "please", DateTime.UnixEpoch)]);

        Assert.Equal(Verdict.Warnings, before.Verdict);
        Assert.All(open, r => Assert.Equal(Severity.Warn, r.Severity));
        Assert.Equal(Verdict.Clear, after.Verdict);
        Assert.True(blocked.Blocks("C-20"));
    }

    [Fact]
    public void A_cold_forecast_warns_until_a_temperature_plan_is_recorded()
    {
        var cold = RussiaTo("DE", [Line(1, "Cacatua alba")]) with { Transport = new() { Forecast = new(-8, 3) } };

        var report = Check(cold);
        var planned = Check(cold with { Transport = cold.Transport with { TemperaturePlan = "heated truck and hold at 18 °C" } });

        Assert.True(Assert.Single(report.Of("W-01")).IsOpen);
        Assert.False(Assert.Single(planned.Of("W-01")).IsOpen);
    }

    [Fact]
    public void Native_species_leaving_Russia_need_the_Red_Book_and_EAEU_check()
    {
        var report = Check(RussiaTo("DE", [Line(1, "Ursus arctos") with { Population = "RU" }, Line(2, "Cacatua alba")]));

        var native = Assert.Single(report.Of("L-02"));
        Assert.Equal([1], native.Lines);
        Assert.Equal(Severity.Warn, native.Severity);
    }
}

internal static class Functional
{
    public static TResult Let<T, TResult>(this T value, Func<T, TResult> f) => f(value);
}
