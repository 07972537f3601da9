using CsCheck;
using Menagerie.Domain.Compliance;
using Menagerie.Domain.Transport;
using static Menagerie.Domain.Tests.Transport.TransportPlanTests;

namespace Menagerie.Domain.Tests.Transport;

/// <summary>Crates in the hold: predators out of sight of prey, warmth where it is needed, attendants' reach, and the limits of the hold.</summary>
public sealed class LoadingPlanTests
{
    private static readonly Hold Hold = new()
    {
        Name = "Il-76MD cargo hold",
        LengthCm = 2000,
        WidthCm = 345,
        HeightCm = 340,
        MaxLoadKg = 40_000,
        Temperature = new TemperatureRange(8, 14),
        HeatedZone = new HeatedZone(1400, 2000, new TemperatureRange(16, 22)),
        AttendantReachCm = 1200,
    };

    private static List<Crate> Crates(params TransportAnimal[] animals) => [.. Crating.Propose(animals, Table).Crates];

    private static TransportAnimal Warm(TransportAnimal a) => a with { Temperature = new TemperatureRange(16, 27) };

    private static TransportAnimal Hardy(TransportAnimal a) => a with { Temperature = new TemperatureRange(-5, 20) };

    [Fact]
    public void Predators_and_prey_load_in_separate_sections_with_a_screen_between()
    {
        var crates = Crates(Hardy(Lion(1)), Hardy(Pheasants(2, 10)), Hardy(Lion(3)));

        var plan = Loading.Plan(crates, Hold);

        Assert.True(plan.Feasible, string.Join("; ", plan.Failures.Select(f => f.Message)));
        var screen = Assert.Single(plan.ScreensAtCm);
        var predators = plan.Placements.Where(p => crates.Single(c => c.Number == p.Crate).Requirement.Predator).ToList();
        var prey = plan.Placements.Except(predators).ToList();
        Assert.True(predators.All(p => p.FromDoorCm + p.AlongCm <= screen) && prey.All(p => p.FromDoorCm >= screen + Loading.ScreenCm)
                    || prey.All(p => p.FromDoorCm + p.AlongCm <= screen) && predators.All(p => p.FromDoorCm >= screen + Loading.ScreenCm));
    }

    [Fact]
    public void Animals_that_need_warmth_go_in_the_heated_zone_and_those_it_would_overheat_stay_out()
    {
        var crates = Crates(Hardy(Lion(1)), Warm(Cockatoo(2)), Warm(Cockatoo(3)));

        var plan = Loading.Plan(crates, Hold);

        Assert.True(plan.Feasible);
        Assert.All(plan.Placements.Where(p => p.Crate != "C01"), p => Assert.True(p.Heated && p.FromDoorCm >= 1400));
        Assert.False(plan.Placements.Single(p => p.Crate == "C01").Heated);
    }

    [Fact]
    public void A_hold_without_a_heated_zone_cannot_take_animals_that_need_warmth_and_the_plan_says_so()
    {
        var plan = Loading.Plan(Crates(Warm(Cockatoo(1))), Hold with { HeatedZone = null });

        var failure = Assert.Single(plan.Failures);
        Assert.Equal("heated-zone", failure.Constraint);
        Assert.Equal(["C01"], failure.Crates);
        Assert.Contains("no heated zone", failure.Message.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Too_tall_too_heavy_and_too_long_are_each_named()
    {
        var crates = Crates(Hardy(Lion(1)), Hardy(Lion(2)), Hardy(Lion(3)));

        var low = Loading.Plan(crates, Hold with { HeightCm = 100 });
        var light = Loading.Plan(crates, Hold with { MaxLoadKg = 1000 });
        var short_ = Loading.Plan(crates, Hold with { LengthCm = 250, HeatedZone = null, AttendantReachCm = 250 });

        Assert.Equal(("height", 3), (low.Failures.Single().Constraint, low.Failures.Single().Crates.Count));
        Assert.Equal("weight", light.Failures.Single().Constraint);
        var floor = Assert.Single(short_.Failures, f => f.Constraint == "floor");
        Assert.Equal(["C03"], floor.Crates);
    }

    [Fact]
    public void Large_or_dangerous_animals_beyond_the_attendants_reach_fail_the_plan()
    {
        var lions = Enumerable.Range(1, 8).Select(i => Hardy(Lion(i))).ToArray();

        var plan = Loading.Plan(Crates(lions), Hold with { AttendantReachCm = 300 });

        var failure = Assert.Single(plan.Failures);
        Assert.Equal("attendant-access", failure.Constraint);
        Assert.Equal(plan.Placements.Where(p => p.FromDoorCm > 300).Select(p => p.Crate), failure.Crates);
    }

    /// <summary>Whatever the crates, each stands once, inside the width beside the aisle, and no two overlap.</summary>
    [Fact]
    public void Every_crate_is_placed_once_within_the_hold_width_and_none_overlap()
    {
        var animal = Gen.Select(Gen.Int[0, 3], Gen.Int[30, 250], Gen.Int[10, 80], Gen.Int[20, 200], Gen.Int[1, 12]);
        Gen.Select(animal.Array[1, 40], Gen.Int[150, 400]).Sample((animals, width) =>
        {
            var list = animals.Select((a, i) => new TransportAnimal
            {
                Line = i + 1,
                Specimen = $"S{i}",
                Taxon = a.Item1 switch { 0 => "Panthera leo", 1 => "Cacatua alba", 2 => "Chrysolophus pictus", _ => "Bos grunniens" },
                Lineage = a.Item1 switch { 0 => ["Panthera"], 1 => ["Cacatuidae"], 2 => ["Phasianidae"], _ => ["Bovidae"] },
                Mammal = a.Item1 is 0 or 3,
                Count = a.Item5,
                Measurements = new Measurements(a.Item2, a.Item3, a.Item3, a.Item4, 10),
                Temperature = new TemperatureRange(-10, 30),
            }).ToArray();
            var crates = Crates(list);
            var hold = Hold with { WidthCm = width, AisleCm = 60, HeightCm = 1000, MaxLoadKg = 1_000_000, LengthCm = 100_000, AttendantReachCm = 100_000 };

            var plan = Loading.Plan(crates, hold);

            var placeable = crates.Where(c => Math.Min(c.Outer.LengthCm, c.Outer.WidthCm) <= hold.UsableWidthCm).Select(c => c.Number).Order().ToList();
            Assert.Equal(placeable, plan.Placements.Select(p => p.Crate).Order().ToList());
            Assert.All(plan.Placements, p => Assert.True(p.FromAisleCm + p.AcrossCm <= hold.UsableWidthCm));
            foreach (var a in plan.Placements)
            {
                foreach (var b in plan.Placements.Where(b => string.CompareOrdinal(b.Crate, a.Crate) > 0))
                {
                    var apart = a.FromDoorCm + a.AlongCm <= b.FromDoorCm || b.FromDoorCm + b.AlongCm <= a.FromDoorCm
                                || a.FromAisleCm + a.AcrossCm <= b.FromAisleCm || b.FromAisleCm + b.AcrossCm <= a.FromAisleCm;
                    Assert.True(apart, $"{a} overlaps {b}");
                }
            }
        });
    }
}
