using Menagerie.Domain.Specimens;
using static Menagerie.Domain.Tests.Specimens.Given;

namespace Menagerie.Domain.Tests.Specimens;

public sealed class SpecimenHistoryTests
{
    [Fact]
    public void Birth_opens_a_holding_at_the_birth_place()
    {
        var lion = Individual(Birth(new(2021, 5, 14), Moscow));

        var period = Assert.Single(lion.Holdings);
        Assert.Equal(Moscow, period.HolderId);
        Assert.Equal(new DateTime(2021, 5, 14, 0, 0, 0, DateTimeKind.Utc), period.From);
        Assert.Null(period.To);
        Assert.Equal(Moscow, lion.HolderId);
        Assert.Equal(Moscow, lion.OwnerId);
        Assert.Equal(SpecimenStatus.Held, lion.Status);
        Assert.Equal("0.1.0", lion.Counts.ToString());
    }

    [Fact]
    public void Provenance_takes_CITES_source_codes_for_animals_and_ISO_codes_of_origin_and_nothing_else()
    {
        var lion = Individual(Birth(new(2021, 5, 14), Moscow));

        var refused = lion.RecordOrigin("A", "Africa");
        Assert.Equal(["specimen.cites-source", "specimen.origin"], refused.Select(v => v.Code));
        Assert.Equal((null, null), (lion.CitesSource, lion.Origin));
        Assert.Empty(lion.RecordOrigin(" f ", "za"));
        Assert.Equal(("F", "ZA"), (lion.CitesSource, lion.Origin));
        Assert.Empty(lion.RecordOrigin(null, " "));
        Assert.Equal((null, null), (lion.CitesSource, lion.Origin));
    }

    [Fact]
    public void Disposition_to_an_institution_moves_the_holding_without_a_gap()
    {
        var lion = Individual(Birth(new(2021, 5, 14), Moscow));

        Assert.Empty(lion.Record(Disposition(new(2024, 11, 18), to: Pyongyang)));

        Assert.Equal(2, lion.Holdings.Count);
        Assert.Equal(lion.Holdings[0].To, lion.Holdings[1].From);
        Assert.Equal(Pyongyang, lion.HolderId);
        Assert.Equal(Pyongyang, lion.OwnerId);
    }

    [Fact]
    public void Acquisition_from_the_current_holder_moves_the_holding()
    {
        var lion = Individual(Birth(new(2021, 5, 14), Moscow));

        Assert.Empty(lion.Record(Acquisition(new(2023, 1, 10), Prague, from: Moscow)));

        Assert.Equal(Prague, lion.HolderId);
        Assert.Equal(new DateTime(2023, 1, 10, 0, 0, 0, DateTimeKind.Utc), lion.Holdings[0].To);
    }

    [Fact]
    public void Acquisition_while_another_institution_holds_the_animal_is_rejected()
    {
        var lion = Individual(Birth(new(2021, 5, 14), Moscow));

        var violations = lion.Record(Acquisition(new(2023, 1, 10), Prague));

        var violation = Assert.Single(violations);
        Assert.Equal("holder.already-held", violation.Code);
        Assert.Equal(Moscow, lion.HolderId);
        Assert.Single(lion.Events);
    }

    [Fact]
    public void Events_after_death_are_rejected_but_notes_are_not()
    {
        var lion = Individual(Birth(new(2021, 5, 14), Moscow));
        Assert.Empty(lion.Record(Death(new(2024, 2, 1))));

        Assert.Equal("history.after-death", Assert.Single(lion.Record(new EventDetails { Type = EventType.Weight, Date = On(2024, 3, 1), WeightKg = 120 })).Code);
        Assert.Empty(lion.Record(new EventDetails { Type = EventType.Note, Date = On(2024, 3, 1), Text = "necropsy report filed" }));
        Assert.Equal(SpecimenStatus.Dead, lion.Status);
        Assert.Null(lion.HolderId);
    }

    [Fact]
    public void An_event_dated_before_the_records_begin_is_rejected()
    {
        var lion = Individual(Birth(new(2021, 5, 14), Moscow));

        var violation = Assert.Single(lion.Record(new EventDetails { Type = EventType.Weight, Date = On(2020, 1, 1), WeightKg = 3 }));

        Assert.Equal("history.not-started", violation.Code);
    }

    [Fact]
    public void Group_deaths_and_hatches_change_the_counts_in_new_periods()
    {
        var ducks = Group(Acquisition(new(2021, 5, 20), Moscow, counts: new(10, 10, 0)));

        Assert.Empty(ducks.Record(new EventDetails { Type = EventType.Birth, Date = On(2022, 6, 3), Institution = Moscow, Counts = new(6, 7, 2) }));
        Assert.Empty(ducks.Record(Death(new(2022, 11, 8), new(0, 0, 2))));

        Assert.Equal("16.17.0", ducks.Counts.ToString());
        Assert.Equal(["10.10.0", "16.17.2", "16.17.0"], ducks.Holdings.Select(h => h.Counts.ToString()));
        Assert.All(ducks.Holdings, h => Assert.Equal(Moscow, h.HolderId));
    }

    [Fact]
    public void Group_deaths_beyond_the_count_are_rejected()
    {
        var ducks = Group(Acquisition(new(2021, 5, 20), Moscow, counts: new(2, 2, 0)));

        var violation = Assert.Single(ducks.Record(Death(new(2022, 1, 1), new(3, 0, 0))));

        Assert.Equal("counts.exceeded", violation.Code);
        Assert.Equal("2.2.0", ducks.Counts.ToString());
    }

    [Fact]
    public void Part_of_a_group_cannot_be_disposed_of_to_another_institution()
    {
        var ducks = Group(Acquisition(new(2021, 5, 20), Moscow, counts: new(20, 20, 0)));

        var violation = Assert.Single(ducks.Record(Disposition(new(2024, 11, 18), to: Pyongyang, counts: new(12, 13, 0))));

        Assert.Equal("counts.partial-move", violation.Code);
    }

    [Fact]
    public void A_correction_supersedes_the_earlier_event_which_stays_in_the_history()
    {
        var lion = Individual(Birth(new(2021, 5, 14), Moscow));
        Assert.Empty(lion.Record(Disposition(new(2024, 11, 18), to: Pyongyang)));
        var wrong = lion.Events[^1];

        var correction = Disposition(new(2024, 11, 20), to: Pyongyang) with { Supersedes = wrong.Id, Reason = "dispatch was delayed two days" };
        Assert.Empty(lion.Record(correction));

        Assert.Equal(3, lion.Events.Count);
        Assert.True(lion.IsSuperseded(wrong.Id));
        Assert.Equal(new DateTime(2024, 11, 20, 0, 0, 0, DateTimeKind.Utc), lion.Holdings[0].To);
    }

    [Fact]
    public void A_correction_needs_a_reason_and_the_same_type()
    {
        var lion = Individual(Birth(new(2021, 5, 14), Moscow));
        var birth = lion.Events[0];

        var noReason = lion.Record(Birth(new(2021, 5, 15), Moscow) with { Supersedes = birth.Id });
        var otherType = lion.Record(Death(new(2021, 5, 15)) with { Supersedes = birth.Id, Reason = "typo" });

        Assert.Contains(noReason, v => v.Code == "event.reason");
        Assert.Contains(otherType, v => v.Field == "type");
    }

    [Fact]
    public void A_retraction_that_would_leave_later_events_without_a_holder_is_rejected()
    {
        var lion = Individual(Acquisition(new(2020, 1, 1), Moscow));
        Assert.Empty(lion.Record(Disposition(new(2022, 1, 1))));
        Assert.Empty(lion.Record(Acquisition(new(2023, 1, 1), Prague)));
        var reacquired = lion.Events[^1];

        var violations = lion.Record(new EventDetails { Type = EventType.Retraction, Date = On(2026, 11, 1), Supersedes = lion.Events[1].Id, Reason = "entered twice" });

        Assert.Contains(violations, v => v.Code == "holder.already-held");
        Assert.False(lion.IsSuperseded(lion.Events[1].Id));
        Assert.Equal(Prague, lion.HolderId);
        Assert.Same(reacquired, lion.Events[^1]);
    }

    [Fact]
    public void Every_problem_of_an_event_is_reported_at_once()
    {
        var ducks = Group(Acquisition(new(2021, 5, 20), Moscow, counts: new(2, 2, 0)));

        var violations = ducks.Record(new EventDetails
        {
            Type = EventType.Acquisition,
            Date = On(2027, 1, 1),
            Supersedes = null,
            Text = new string('x', EventRules.MaxTextLength + 1),
        });

        Assert.Equal(["counts", "date", "from", "institution", "text"], violations.Select(v => v.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Values_beyond_what_an_animal_or_the_records_can_hold_are_rejected_each_by_its_field()
    {
        var lion = Individual(Birth(new(2021, 5, 14), Moscow));

        var measured = lion.Record(new EventDetails
        {
            Type = EventType.Measurement,
            Date = On(2026, 11, 1),
            Measured = new(EventRules.MaxCentimetres + 1, 60, EventRules.MaxCentimetres + 0.1m, null),
            WeightKg = EventRules.MaxWeightKg + 1,
        });
        var identified = lion.Record(new EventDetails
        {
            Type = EventType.IdentifierAdded,
            Date = On(2026, 11, 1),
            IdentifierScheme = new string('s', EventRules.MaxSchemeLength + 1),
            IdentifierValue = new string('v', EventRules.MaxIdentifierValueLength + 1),
        });
        var disposed = lion.Record(Disposition(new(2026, 11, 1)) with { CounterpartyName = new string('n', EventRules.MaxCounterpartyNameLength + 1) });
        var corrected = lion.Record(Birth(new(2021, 5, 13), Moscow) with { Supersedes = lion.Events[0].Id, Reason = new string('r', EventRules.MaxReasonLength + 1) });

        Assert.Equal(["lengthCm", "weightKg", "widthCm"], measured.Select(v => v.Field).Order(StringComparer.Ordinal));
        Assert.Equal(["scheme", "value"], identified.Select(v => v.Field));
        Assert.Equal("toName", Assert.Single(disposed).Field);
        Assert.Equal("reason", Assert.Single(corrected).Field);
        Assert.Single(lion.Events);
        Assert.Empty(lion.Record(new EventDetails { Type = EventType.Weight, Date = On(2026, 11, 1), WeightKg = EventRules.MaxWeightKg }));
    }

    [Fact]
    public void Acquisition_records_the_owner_where_the_animal_is_on_loan()
    {
        var bear = Individual(Acquisition(new(2024, 1, 1), Prague) with { Owner = Moscow });

        Assert.Equal(Prague, bear.HolderId);
        Assert.Equal(Moscow, bear.OwnerId);
    }

    [Fact]
    public void Retracting_the_event_the_records_begin_with_is_rejected()
    {
        var lion = Individual(Acquisition(new(2020, 1, 1), Moscow));

        var violations = lion.Record(new EventDetails { Type = EventType.Retraction, Date = On(2026, 11, 1), Supersedes = lion.Events[0].Id, Reason = "wrong animal" });

        Assert.Equal("history.no-beginning", Assert.Single(violations).Code);
        Assert.Equal(SpecimenStatus.Held, lion.Status);
        Assert.Single(lion.Holdings);
    }
}
