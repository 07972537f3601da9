using Menagerie.Domain.Compliance;
using Menagerie.Domain.Transport;

namespace Menagerie.Domain.Tests.Transport;

/// <summary>Crates from measurements, who shares a crate, and what a transfer's plan says when something is missing.</summary>
public sealed class TransportPlanTests
{
    internal static readonly ContainerRequirement BigCats = new()
    {
        Group = "big-cats",
        AppliesTo = ["Panthera"],
        Edition = "",
        Formula = CrateFormula.LargeCarnivore,
        Padlocks = true,
        Predator = true,
        AttendantAccess = true,
        TareKgPerSquareMetre = 30,
        Source = "AZA proxy",
    };

    internal static readonly ContainerRequirement Parrots = new()
    {
        Group = "parrots",
        AppliesTo = ["Cacatuidae"],
        Reference = "CR11",
        Edition = "LAR",
        Formula = CrateFormula.SingleBird,

        TareKgPerSquareMetre = 6,
        Source = "CR11",
    };

    internal static readonly ContainerRequirement GameBirds = new()
    {
        Group = "game-birds",
        AppliesTo = ["Phasianidae"],
        Reference = "CR11",
        Edition = "LAR",
        Formula = CrateFormula.BirdGroup,
        Sharing = CrateSharing.CompatibleGroup,
        MaxPerCrate = 5,

        TareKgPerSquareMetre = 6,
        Source = "CR11",
    };

    internal static readonly ContainerRequirement Bovids = new()
    {
        Group = "bovids",
        AppliesTo = ["Bovidae"],
        Edition = "",
        Formula = CrateFormula.Hoofstock,
        Sharing = CrateSharing.CompatibleGroup,
        MaxPerCrate = 4,

        AttendantAccess = true,
        TareKgPerSquareMetre = 20,
        Source = "50 CFR 14.142",
    };

    internal static readonly ContainerTable Table = new([BigCats, Parrots, GameBirds, Bovids], "test table");

    internal static TransportAnimal Lion(int line = 1, Measurements? m = null) => new()
    {
        Line = line,
        Specimen = $"MOS-{line:000}",
        Name = "Laska",
        Taxon = "Panthera leo",
        Lineage = ["Panthera leo", "Panthera", "Felidae", "Mammalia"],
        Mammal = true,
        Count = 1,
        Measurements = m ?? new Measurements(165, 52, 38, 105, 128),
    };

    internal static TransportAnimal Cockatoo(int line) => new()
    {
        Line = line,
        Specimen = $"MOS-{line:000}",
        Taxon = "Cacatua alba",
        Lineage = ["Cacatua alba", "Cacatua", "Cacatuidae", "Aves"],
        Count = 1,
        Measurements = new Measurements(46, null, 12, 34, 0.55m),
    };

    internal static TransportAnimal Pheasants(int line, int count, bool identified = true) => new()
    {
        Line = line,
        Specimen = "MOS-G0001",
        Taxon = identified ? "Chrysolophus pictus" : "Phasianidae",
        Lineage = identified ? ["Chrysolophus pictus", "Chrysolophus", "Phasianidae", "Aves"] : ["Phasianidae", "Aves"],
        IdentifiedToSpecies = identified,
        Count = count,
        Measurements = new Measurements(70, null, 16, 40, 1.1m),
    };

    [Fact]
    public void The_CR1_formula_gives_length_A_plus_half_B_width_twice_C_and_height_D()
    {
        var inner = CrateSizing.Inner(CrateFormula.Cr1, new Measurements(60, 30, 20, 50, 12), 1);

        Assert.Equal(new Dimensions(75, 40, 50), inner);
        Assert.Equal(new Dimensions(85, 50, 60), CrateSizing.Outer(inner));
    }

    [Fact]
    public void A_big_cat_gets_10_cm_clearance_around_the_CR1_space_and_its_crate_is_padlocked()
    {
        var plan = Crating.Propose([Lion()], Table);

        var crate = Assert.Single(plan.Crates);
        Assert.Equal(new Dimensions(211, 96, 115), crate.Inner); // 165 + 52/2 + 20, 2·38 + 20, 105 + 10
        Assert.True(crate.Requirement.Padlocks);
        Assert.Equal(128m, crate.AnimalKg);
        Assert.Equal(crate.AnimalKg + crate.TareKg, crate.GrossKg);
        Assert.Equal((int)Math.Ceiling(0.16m * 211 * 115), crate.VentilationCm2PerWall);
    }

    [Fact]
    public void Missing_measurements_are_asked_for_by_name_and_the_crate_is_not_guessed()
    {
        var plan = Crating.Propose([Lion(m: new Measurements(165, null, null, 105, null))], Table);

        Assert.Empty(plan.Crates);
        var missing = Assert.Single(plan.Missing);
        Assert.Equal(["elbow height", "shoulder width", "weight"], missing.Measurements);
        var block = Assert.Single(plan.Findings, f => f.Severity == Severity.Block);
        Assert.Equal("T-01", block.Rule);
        Assert.Contains("MOS-001 Laska (Panthera leo): measure elbow height, shoulder width, weight", block.Message.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_taxon_with_no_container_requirement_blocks_and_one_not_public_warns()
    {
        var snake = new TransportAnimal
        {
            Line = 2,
            Specimen = "MOS-002",
            Taxon = "Python regius",
            Lineage = ["Python regius", "Python", "Pythonidae", "Reptilia"],
            Count = 1,
            Measurements = new Measurements(120, null, 8, 8, 1.5m),
        };

        var plan = Crating.Propose([Lion(), snake], Table);

        Assert.Contains(plan.Findings, f => f is { Rule: "T-00", Severity: Severity.Block } && f.Lines.SequenceEqual([2]));
        var warning = Assert.Single(plan.Findings, f => f is { Rule: "T-00", Severity: Severity.Warn });
        Assert.Contains("to be confirmed from the current LAR", warning.Message.ToString(), StringComparison.Ordinal);
        Assert.Equal(["C01"], warning.Crates);
    }

    [Fact]
    public void Mammals_never_share_even_where_their_group_may()
    {
        var yaks = new TransportAnimal
        {
            Line = 1,
            Specimen = "PRG-G1",
            Taxon = "Bos grunniens",
            Lineage = ["Bos grunniens", "Bos", "Bovidae", "Mammalia"],
            Mammal = true,
            Count = 3,
            Measurements = new Measurements(220, null, 55, 150, 400),
        };

        var plan = Crating.Propose([yaks], Table);

        Assert.Equal(3, plan.Crates.Count);
        Assert.All(plan.Crates, c => Assert.Equal(1, c.AnimalCount));
    }

    [Theory]
    [InlineData(25, new[] { 5, 5, 5, 5, 5 })]
    [InlineData(23, new[] { 5, 5, 5, 4, 4 })]
    [InlineData(3, new[] { 3 })]
    public void A_group_of_birds_fills_as_few_crates_as_its_maximum_allows_spread_evenly(int count, int[] expected)
    {
        var plan = Crating.Propose([Pheasants(1, count)], Table);

        Assert.Equal(expected, plan.Crates.Select(c => c.AnimalCount));
        Assert.DoesNotContain(plan.Findings, f => f.Rule == "W-04");
    }

    [Fact]
    public void Birds_not_identified_to_species_share_crates_only_with_a_warning()
    {
        var plan = Crating.Propose([Pheasants(1, 10, identified: false)], Table);

        Assert.Equal(2, plan.Crates.Count);
        Assert.Equal(Severity.Warn, Assert.Single(plan.Findings, f => f.Rule == "W-04").Severity);
    }

    [Fact]
    public void Two_records_never_share_a_crate_and_parrots_travel_one_per_crate()
    {
        var plan = Crating.Propose([Cockatoo(1), Cockatoo(2), Pheasants(3, 4), Pheasants(4, 4)], Table);

        Assert.Equal(4, plan.Crates.Count);
        Assert.All(plan.Crates, c => Assert.Single(c.Occupants));
    }

    [Fact]
    public void A_licensed_table_replaces_the_shipped_row_of_its_group()
    {
        var licensed = new ContainerTable([BigCats with { Reference = "CR72", Edition = "LAR 51st" }], "LAR 51st");

        var table = Table.With(licensed);

        Assert.Equal("CR72", table.Find(["Panthera leo", "Panthera"])!.Reference);
        Assert.Equal("CR11", table.Find(["Cacatua alba", "Cacatua", "Cacatuidae"])!.Reference);
        Assert.Equal(4, table.Rows.Count);
    }

    [Fact]
    public void Journey_legs_out_of_order_are_all_reported()
    {
        var at = new DateTime(2024, 11, 20, 1, 0, 0, DateTimeKind.Utc);
        var journey = new Journey
        {
            Legs =
            [
                new JourneyLeg("Moscow", "Pyongyang", at, at.AddHours(-1), TransportMode.Air, null, []),
                new JourneyLeg("Vladivostok", "Pyongyang", at.AddHours(-2), at.AddHours(3), TransportMode.Air, null, []),
            ],
            CheckEveryHours = 0,
        };

        var problems = journey.Validate();

        Assert.Equal(["legs[0].arrives", "legs[1].departs", "legs[1].from", "checkEveryHours"], problems.Select(p => p.Field));
    }

    [Fact]
    public void The_plan_counts_the_welfare_checks_a_journey_needs_and_warns_without_an_attendant()
    {
        var at = new DateTime(2024, 11, 20, 1, 0, 0, DateTimeKind.Utc);
        var journey = new Journey
        {
            Legs = [new JourneyLeg("Moscow", "Pyongyang", at, at.AddHours(9), TransportMode.Air, "state aircraft", [])],
            Hold = new Hold { Name = "hold", LengthCm = 1000, WidthCm = 300, HeightCm = 300, MaxLoadKg = 10_000 },
        };

        var plan = TransportPlanner.Plan([Lion()], Table, journey);

        Assert.Equal(4, plan.Journey.ChecksExpected); // at loading, then after 4, 8 and 9 hours
        Assert.Equal(Severity.Warn, Assert.Single(plan.Findings, f => f.Rule == "W-11").Severity);
        Assert.Equal(Verdict.Warnings, plan.Verdict);
    }

    [Fact]
    public void Without_a_hold_there_is_no_loading_plan_and_the_plan_says_why()
    {
        var plan = TransportPlanner.Plan([Cockatoo(1)], Table, new Journey());

        Assert.Null(plan.Loading);
        Assert.Equal(Verdict.Blocked, plan.Verdict);
        Assert.Contains(plan.Blocks, f => f.Rule == "T-17" && f.Message.ToString().Contains("No hold", StringComparison.Ordinal));
    }
}
