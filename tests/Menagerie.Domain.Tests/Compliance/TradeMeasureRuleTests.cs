using Menagerie.Domain.Compliance;
using Menagerie.Domain.Transfers;
using static Menagerie.Domain.Tests.Compliance.Reference;

namespace Menagerie.Domain.Tests.Compliance;

/// <summary>C-23: a recommendation to suspend trade, or a zero export quota, covering the exporting state, the taxon and the source blocks.</summary>
public sealed class TradeMeasureRuleTests
{
    private static TradeSuspension Suspension(string state, string? taxon, string notes = "All trade in specimens of CITES-listed species.", DateOnly? start = null) => new()
    {
        State = state,
        Taxon = taxon,
        Start = start ?? new DateOnly(2023, 3, 23),
        StartNotification = "CITES Notif. No. 2023/034",
        Notes = notes,
        Scope = TradeMeasureNotes.ScopeOf(notes),
        Sources = TradeMeasureNotes.SourcesOf(notes),
        Source = "citessuspensions.csv, line 2",
    };

    private static ExportQuota Quota(string taxon, int year, decimal quota, string notes = "live specimens") => new()
    {
        State = "RU",
        Taxon = taxon,
        Year = year,
        Quota = quota,
        Notes = notes,
        Sources = TradeMeasureNotes.SourcesOf(notes),
        CoversLiveAnimals = TradeMeasureNotes.CoversLiveAnimals(notes),
        Source = "quotas.csv, line 2",
    };

    private static ComplianceReport CheckWith(Shipment shipment, IReadOnlyList<TradeSuspension>? suspensions = null, IReadOnlyList<ExportQuota>? quotas = null, DateOnly? on = null) =>
        Rulebook.Check(shipment, new Checklist(Contents with { Suspensions = suspensions ?? [], Quotas = quotas ?? [] }), on ?? shipment.Date);

    [Fact]
    public void A_suspension_of_all_trade_with_the_exporting_state_blocks_every_listed_line_from_its_start()
    {
        var shipment = RussiaTo("DE", [Line(1, "Cacatua alba"), Line(2, "Equus caballus"), Line(3, "Ursus arctos")]);
        var suspended = new[] { Suspension("RU", null) };

        var report = CheckWith(shipment, suspended);
        var before = CheckWith(shipment, suspended, on: new DateOnly(2023, 3, 22));

        var block = Assert.Single(report.Of("C-23"));
        Assert.Equal((Severity.Block, RequirementStatus.Missing), (block.Severity, block.Status));
        Assert.Equal([1, 3], block.Lines);
        Assert.Contains("CITES Notif. No. 2023/034", block.Message.ToString(), StringComparison.Ordinal);
        Assert.Contains("all CITES-listed species", block.Message.ToString(), StringComparison.Ordinal);
        Assert.Empty(before.Of("C-23"));
        Assert.Empty(Check(shipment).Of("C-23"));
    }

    [Fact]
    public void A_suspension_for_a_higher_taxon_reaches_the_species_below_it_and_a_synonym_its_accepted_name()
    {
        var shipment = RussiaTo("DE", [Line(1, "Cacatua alba"), Line(2, "Ursus arctos")]);

        var byOrder = CheckWith(shipment, [Suspension("RU", "Psittaciformes")]);
        var bySynonym = CheckWith(shipment, [Suspension("RU", "Cacatua galerita")]);
        var otherState = CheckWith(shipment, [Suspension("CZ", "Psittaciformes")]);

        Assert.Equal([1], Assert.Single(byOrder.Of("C-23")).Lines);
        Assert.Equal([1], Assert.Single(bySynonym.Of("C-23")).Lines);
        Assert.Empty(otherState.Of("C-23"));
    }

    [Fact]
    public void A_suspension_of_wild_taken_specimens_leaves_captive_bred_ones_and_covers_those_of_unknown_source()
    {
        var lines = new[] { Line(1, "Cacatua alba") with { Source = 'C' }, Line(2, "Cacatua alba") with { Source = 'W' }, Line(3, "Cacatua alba") with { Source = null } };

        var report = CheckWith(RussiaTo("DE", lines), [Suspension("RU", "Cacatua alba", "Wild-taken specimens. Review of Significant Trade.")]);

        Assert.Equal([2, 3], Assert.Single(report.Of("C-23")).Lines);
    }

    [Fact]
    public void A_suspension_of_commercial_trade_blocks_a_sale_and_asks_for_a_gift_to_be_confirmed_as_not_commercial()
    {
        var gift = RussiaTo("DE", [Line(1, "Ursus arctos")]);
        var sale = gift with { Terms = TransferTerms.Sale };
        var suspended = new[] { Suspension("RU", null, "All commercial trade in specimens of CITES-listed species.") };

        var warned = Assert.Single(CheckWith(gift, suspended).Of("C-23"));
        Assert.Equal((Severity.Warn, RequirementStatus.Missing), (warned.Severity, warned.Status));
        Assert.True(CheckWith(sale, suspended).Blocks("C-23"));
    }

    [Fact]
    public void A_suspension_of_trade_with_the_importing_state_counts_only_when_it_covers_every_listed_species()
    {
        var shipment = RussiaTo("CZ", [Line(1, "Ursus arctos")]);

        Assert.True(CheckWith(shipment, [Suspension("CZ", null)]).Blocks("C-23"));
        Assert.Empty(CheckWith(shipment, [Suspension("CZ", "Ursus arctos")]).Of("C-23"));
    }

    [Fact]
    public void A_withdrawn_suspension_no_longer_applies_but_still_does_on_days_before_its_end()
    {
        var shipment = RussiaTo("DE", [Line(1, "Ursus arctos")]);
        var ended = Suspension("RU", null) with { End = new DateOnly(2024, 11, 1), Valid = false };
        var withdrawnUndated = Suspension("RU", null) with { Valid = false };

        Assert.Empty(CheckWith(shipment, [ended]).Of("C-23"));
        Assert.True(CheckWith(shipment, [ended], on: new DateOnly(2024, 10, 31)).Blocks("C-23"));
        Assert.Empty(CheckWith(shipment, [withdrawnUndated]).Of("C-23"));
    }

    [Fact]
    public void A_zero_quota_of_the_year_for_live_animals_blocks_and_other_quotas_do_not()
    {
        var shipment = RussiaTo("DE", [Line(1, "Ursus arctos"), Line(2, "Cacatua alba")]);

        var zero = Assert.Single(CheckWith(shipment, quotas: [Quota("Ursus arctos", 2024, 0)]).Of("C-23"));
        Assert.Equal(Severity.Block, zero.Severity);
        Assert.Equal([1], zero.Lines);
        Assert.Contains("zero export quota", zero.Message.ToString(), StringComparison.Ordinal);
        Assert.Empty(CheckWith(shipment, quotas: [Quota("Ursus arctos", 2025, 0)]).Of("C-23"));
        Assert.Empty(CheckWith(shipment, quotas: [Quota("Ursus arctos", 2024, 0, "hunting trophies")]).Of("C-23"));
        Assert.Empty(CheckWith(shipment, quotas: [Quota("Ursus arctos", 2024, -1)]).Of("C-23"));
        var counted = Assert.Single(CheckWith(shipment, quotas: [Quota("Ursidae", 2024, 12)]).Of("C-23"));
        Assert.Equal((Severity.Info, RequirementStatus.Satisfied), (counted.Severity, counted.Status));
        Assert.Contains("export quota of 12", counted.Message.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("All commercial trade in specimens of CITES-listed species.", SuspensionScope.CommercialTrade, "", true)]
    [InlineData("All trade. Basis: annual reports.", SuspensionScope.AllTrade, "", true)]
    [InlineData("Wild and ranched specimens", SuspensionScope.AllTrade, "WR", true)]
    [InlineData("captive-bred specimens", SuspensionScope.AllTrade, "CDF", true)]
    [InlineData("tusks as trophies from 90 animals", SuspensionScope.AllTrade, "", false)]
    [InlineData("live specimens and skins", SuspensionScope.AllTrade, "", true)]
    public void The_notes_say_what_the_download_has_no_column_for(string notes, SuspensionScope scope, string sources, bool live)
    {
        Assert.Equal(scope, TradeMeasureNotes.ScopeOf(notes));
        Assert.Equal(sources, new string([.. TradeMeasureNotes.SourcesOf(notes)]));
        Assert.Equal(live, TradeMeasureNotes.CoversLiveAnimals(notes));
    }
}
