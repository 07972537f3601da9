using Menagerie.App.Transport;
using Menagerie.Domain.Specimens;

namespace Menagerie.App.Tests.Transport;

/// <summary>Which welfare checks came later than the journey's interval allows (W-02), counted from dispatch, animal by animal.</summary>
public sealed class WelfareScheduleTests
{
    private static readonly DateTime Dispatch = new(2026, 11, 24, 7, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Interval = TimeSpan.FromHours(4);
    private static readonly string[] Animals = ["LION", "BEAR"];

    private static IEnumerable<string> CratesOf(string animal) => animal == "LION" ? ["C01"] : ["C02"];

    private static IEnumerable<WelfareCheckView> Check(DateTime at, params string[] animals) =>
        animals.Select(a => new WelfareCheckView(a, Guid.NewGuid(), at, 18m, "calm", true, true, null, "Dr Weber", "veterinarian@BERLIN"));

    [Fact]
    public void Rounds_on_time_are_not_overdue_and_one_per_check_names_its_crates()
    {
        var rounds = WelfareSchedule.Rounds([.. Check(Dispatch.AddHours(2), Animals), .. Check(Dispatch.AddHours(5), "LION")], Animals, CratesOf, Dispatch, Interval);

        Assert.Equal(2, rounds.Count);
        Assert.All(rounds, r => Assert.Null(r.Overdue));
        Assert.True(rounds[0].AllAnimals);
        Assert.Equal(["C01", "C02"], rounds[0].Crates);
        Assert.False(rounds[1].AllAnimals);
        Assert.Equal(["LION"], rounds[1].Animals);
        Assert.Equal(["C01"], rounds[1].Crates);
    }

    [Fact]
    public void Rounds_a_check_after_a_gap_longer_than_the_interval_is_overdue_by_the_excess()
    {
        var rounds = WelfareSchedule.Rounds([.. Check(Dispatch.AddHours(2), Animals), .. Check(Dispatch.AddHours(7).AddMinutes(20), Animals)], Animals, CratesOf, Dispatch, Interval);

        Assert.Null(rounds[0].Overdue);
        Assert.Equal(new TimeSpan(1, 20, 0), rounds[1].Overdue);
    }

    [Fact]
    public void Rounds_a_check_of_one_crate_does_not_reset_the_clock_of_the_others()
    {
        var rounds = WelfareSchedule.Rounds(
            [.. Check(Dispatch.AddHours(1), Animals), .. Check(Dispatch.AddHours(4), "LION"), .. Check(Dispatch.AddHours(6), Animals)], Animals, CratesOf, Dispatch, Interval);

        // The bear waited from hour 1 to hour 6: an hour beyond the interval, though the lion was seen at hour 4.
        Assert.Equal(TimeSpan.FromHours(1), rounds[2].Overdue);
    }

    [Fact]
    public void Rounds_the_first_check_counts_from_dispatch()
    {
        var rounds = WelfareSchedule.Rounds(Check(Dispatch.AddHours(4).AddMinutes(30), Animals), Animals, CratesOf, Dispatch, Interval);

        Assert.Equal(TimeSpan.FromMinutes(30), rounds[0].Overdue);
    }

    [Fact]
    public void Due_names_the_animals_and_crates_waiting_longer_than_the_interval_now()
    {
        var rounds = WelfareSchedule.Rounds([.. Check(Dispatch.AddHours(1), Animals), .. Check(Dispatch.AddHours(4), "LION")], Animals, CratesOf, Dispatch, Interval);

        var due = WelfareSchedule.Due(rounds, Animals, CratesOf, Dispatch, Interval, Dispatch.AddHours(6));
        var none = WelfareSchedule.Due(rounds, Animals, CratesOf, Dispatch, Interval, Dispatch.AddHours(5));

        Assert.NotNull(due);
        Assert.Equal(TimeSpan.FromHours(1), due.Overdue);
        Assert.Equal(["BEAR"], due.Animals);
        Assert.Equal(["C02"], due.Crates);
        Assert.False(due.AllAnimals);
        Assert.Null(none);
    }

    [Fact]
    public void Due_without_any_check_counts_from_dispatch()
    {
        var due = WelfareSchedule.Due([], Animals, CratesOf, Dispatch, Interval, Dispatch.AddHours(5).AddMinutes(15));

        Assert.Equal(new TimeSpan(1, 15, 0), due!.Overdue);
        Assert.Equal(["BEAR", "LION"], due.Animals);
        Assert.True(due.AllAnimals);
    }

    [Fact]
    public void Welfare_rules_refuse_a_temperature_no_crate_is_kept_at_and_names_too_long()
    {
        var problems = EventRules.Welfare(new WelfareObservation(180m, true, true, new string('x', 301), new string('y', 301))).ToList();

        Assert.Equal(["temperatureC", "sedation", "attendant"], problems.Select(p => p.Field));
        Assert.Empty(EventRules.Welfare(new WelfareObservation(-20m, null, null, "ketamine 2 mg/kg", "Dr Weber")));
    }
}
