using Menagerie.Domain.Specimens;
using static Menagerie.Domain.Tests.Specimens.Given;

namespace Menagerie.Domain.Tests.Specimens;

public sealed class AvailabilityTests
{
    [Fact]
    public void A_held_animal_is_marked_available_with_its_note_and_the_mark_is_withdrawn()
    {
        var lion = Individual(Birth(new(2021, 5, 14), Moscow));

        Assert.Empty(lion.MarkAvailability(true, "  surplus female  "));
        var marked = (lion.AvailableForTransfer, lion.AvailabilityNote);
        Assert.Empty(lion.MarkAvailability(false, null));

        Assert.Equal((true, "surplus female"), marked);
        Assert.Equal((false, null), (lion.AvailableForTransfer, lion.AvailabilityNote));
    }

    [Fact]
    public void The_mark_ends_when_the_animal_moves_dies_or_leaves_but_not_with_a_note()
    {
        var moved = Individual(Birth(new(2021, 5, 14), Moscow));
        var noted = Individual(Birth(new(2021, 5, 14), Moscow));
        var dead = Individual(Birth(new(2021, 5, 14), Moscow));
        foreach (var lion in new[] { moved, noted, dead })
            lion.MarkAvailability(true, "surplus");

        Assert.Empty(moved.Record(Disposition(new(2026, 11, 20), to: Pyongyang)));
        Assert.Empty(noted.Record(new EventDetails { Type = EventType.Note, Date = On(2026, 11, 20), Text = "ate well" }));
        Assert.Empty(dead.Record(Death(new(2026, 11, 20))));

        Assert.Equal((false, null), (moved.AvailableForTransfer, moved.AvailabilityNote));
        Assert.Equal((true, "surplus"), (noted.AvailableForTransfer, noted.AvailabilityNote));
        Assert.False(dead.AvailableForTransfer);
    }

    [Fact]
    public void A_dead_animal_is_not_marked_and_every_problem_is_named()
    {
        var lion = Individual(Birth(new(2021, 5, 14), Moscow));
        Assert.Empty(lion.Record(Death(new(2026, 11, 20))));

        var refused = lion.MarkAvailability(true, new string('x', Specimen.MaxAvailabilityNoteLength + 1));

        Assert.Equal(["specimen.availability", "specimen.availability-note"], refused.Select(v => v.Code).Order(StringComparer.Ordinal));
        Assert.Equal((false, null), (lion.AvailableForTransfer, lion.AvailabilityNote));
    }
}
