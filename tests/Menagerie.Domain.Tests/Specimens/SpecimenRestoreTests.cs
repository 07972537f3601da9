using Menagerie.Domain.Specimens;
using static Menagerie.Domain.Tests.Specimens.Given;

namespace Menagerie.Domain.Tests.Specimens;

public sealed class SpecimenRestoreTests
{
    [Fact]
    public void Restore_of_a_recorded_history_gives_the_same_record_under_the_same_ids()
    {
        var lion = Individual(Birth(new(2021, 5, 14), Moscow));
        Assert.Empty(lion.Record(Disposition(new(2023, 1, 10), to: Prague)));
        var wrong = lion.Events[^1];
        Assert.Empty(lion.Record(Disposition(new(2023, 2, 10), to: Prague) with { Supersedes = wrong.Id, Reason = "Wrong date" }));
        Assert.Empty(lion.Record(new EventDetails { Type = EventType.IdentifierAdded, Date = On(2023, 2, 11), IdentifierScheme = "local", IdentifierValue = "PRG-1" }));

        var restored = Specimen.Restore(lion.Id, lion.Kind, lion.TaxonId, lion.Sex, "Laska", Recorded(lion)).Value;

        Assert.Equal(lion.Events.Select(e => (e.Id, e.Sequence, e.Type, e.RecordedAt, e.RecordedBy)), restored.Events.Select(e => (e.Id, e.Sequence, e.Type, e.RecordedAt, e.RecordedBy)));
        Assert.Equal(lion.Holdings.Select(h => (h.HolderId, h.From, h.To)), restored.Holdings.Select(h => (h.HolderId, h.From, h.To)));
        Assert.Equal((lion.Status, lion.HolderId, lion.OwnerId), (restored.Status, restored.HolderId, restored.OwnerId));
        Assert.Equal("PRG-1", Assert.Single(restored.Identifiers).Value);
        Assert.Equal("Laska", restored.Name);
        Assert.True(restored.IsSuperseded(wrong.Id));
    }

    [Fact]
    public void Restore_refuses_an_event_the_history_does_not_allow_naming_it()
    {
        var events = new List<EventAsRecorded>
        {
            new(EventId.New(), 1, Birth(new(2021, 5, 14), Moscow), Now, "registrar"),
            new(EventId.New(), 2, Acquisition(new(2023, 1, 10), Prague), Now, "registrar"),
        };

        var restored = Specimen.Restore(SpecimenId.New(), SpecimenKind.Individual, Lion, Sex.Female, null, events);

        var violation = Assert.Single(restored.Violations);
        Assert.Equal("holder.already-held", violation.Code);
        Assert.Equal("events[1].institution", violation.Field);
    }

    [Fact]
    public void Restore_refuses_a_history_out_of_its_recorded_order_or_without_a_beginning()
    {
        var birth = new EventAsRecorded(EventId.New(), 1, Birth(new(2021, 5, 14), Moscow), Now, "registrar");
        var death = new EventAsRecorded(EventId.New(), 3, Death(new(2024, 1, 2)), Now, "registrar");

        var gap = Specimen.Restore(SpecimenId.New(), SpecimenKind.Individual, Lion, Sex.Female, null, [birth, death]);
        var headless = Specimen.Restore(SpecimenId.New(), SpecimenKind.Individual, Lion, Sex.Female, null, [death with { Sequence = 1 }]);
        var empty = Specimen.Restore(SpecimenId.New(), SpecimenKind.Individual, Lion, Sex.Female, null, []);

        Assert.Equal("history.sequence", Assert.Single(gap.Violations).Code);
        Assert.Equal("specimen.first-event", Assert.Single(headless.Violations).Code);
        Assert.Equal("specimen.first-event", Assert.Single(empty.Violations).Code);
    }

    [Fact]
    public void Restore_checks_each_event_against_the_time_it_was_recorded()
    {
        var birth = new EventAsRecorded(EventId.New(), 1, Birth(new(2021, 5, 14), Moscow), new DateTime(2021, 5, 13, 0, 0, 0, DateTimeKind.Utc), "registrar");

        var restored = Specimen.Restore(SpecimenId.New(), SpecimenKind.Individual, Lion, Sex.Female, null, [birth]);

        Assert.Equal("event.future", Assert.Single(restored.Violations).Code);
    }

    private static List<EventAsRecorded> Recorded(Specimen s) =>
        s.Events.Select(e => new EventAsRecorded(e.Id, e.Sequence, e.Details, e.RecordedAt, e.RecordedBy)).ToList();
}
