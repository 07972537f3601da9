using Menagerie.Domain.Specimens;
using Menagerie.Domain.Transfers;
using static Menagerie.Domain.Tests.Specimens.Given;

namespace Menagerie.Domain.Tests.Transfers;

public sealed class TransferTests
{
    private static readonly DateTime Dispatched = new(2026, 11, 20, 6, 30, 0, DateTimeKind.Utc);
    private static readonly DateTime Arrived = new(2026, 11, 21, 14, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_part_of_a_group_travels_as_a_group_of_its_own_and_the_rest_stays()
    {
        var ducks = Group(Acquisition(new(2020, 4, 1), Moscow, counts: new(20, 20, 0)));
        Assert.Empty(ducks.RecordOrigin("C", "RU"));
        var transfer = Cleared([new LineRequest(ducks, new SexCounts(12, 13, 0))]);

        var dispatched = transfer.Dispatch(Dispatched, Now, "registrar", _ => ducks);

        var shipped = Assert.Single(dispatched.Value);
        Assert.Equal(("C", "RU"), (shipped.CitesSource, shipped.Origin));
        Assert.Equal(("8.7.0", Moscow, (TransferId?)null), (ducks.Counts.ToString(), ducks.HolderId, ducks.OnTransfer));
        Assert.Equal(("12.13.0", SpecimenStatus.InTransit, transfer.Id), (shipped.Counts.ToString(), shipped.Status, shipped.InTransitOn));
        Assert.Equal(ducks.Id, shipped.Events[0].RelatedId);
        Assert.Equal(shipped.Id, ducks.Events.Single(e => e.Type == EventType.SplitOff).RelatedId);
        Assert.Equal(shipped.Id, transfer.Lines[0].ShippedId);
        Assert.Equal(transfer.Id, Assert.Single(shipped.Holdings).TransferId);
    }

    [Fact]
    public void Receipt_must_account_for_every_animal_that_left_and_changes_nothing_otherwise()
    {
        var lioness = Individual(Birth(new(2021, 5, 14), Moscow));
        var ducks = Group(Acquisition(new(2020, 4, 1), Moscow, counts: new(20, 20, 0)));
        var transfer = Cleared([new LineRequest(lioness, null), new LineRequest(ducks, null)]);
        Specimen Get(SpecimenId id) => id == lioness.Id ? lioness : ducks;
        Assert.True(transfer.Dispatch(Dispatched, Now, "registrar", Get).IsValid);
        var events = ducks.Events.Count;

        var refused = transfer.Receive(Arrived, [new LineReceipt(2, new(20, 18, 0), new(0, 1, 0), SexCounts.Zero, [])], Now, "registrar", Get);

        Assert.Equal(["receipt.unaccounted", "receipt.counts"], refused.Violations.Select(v => v.Code));
        Assert.Equal(TransferStatus.Dispatched, transfer.Status);
        Assert.Equal(events, ducks.Events.Count);
    }

    [Fact]
    public void Missing_animals_stay_with_the_transfer_until_declared_lost()
    {
        var ducks = Group(Acquisition(new(2020, 4, 1), Moscow, counts: new(20, 20, 0)));
        var transfer = Cleared([new LineRequest(ducks, null)]);
        var all = new List<Specimen> { ducks };
        Specimen Get(SpecimenId id) => all.Single(s => s.Id == id);
        Assert.True(transfer.Dispatch(Dispatched, Now, "registrar", Get).IsValid);

        var received = transfer.Receive(Arrived, [new LineReceipt(1, new(19, 19, 0), new(1, 0, 0), new(0, 1, 0), [])], Now, "registrar", Get);
        var missing = Assert.Single(received.Value);
        all.Add(missing);

        Assert.Equal((Pyongyang, "19.19.0"), (ducks.HolderId, ducks.Counts.ToString()));
        Assert.Equal((SpecimenStatus.Missing, transfer.Id, "0.1.0"), (missing.Status, missing.InTransitOn, missing.Counts.ToString()));
        Assert.True(transfer.IsOpen);
        Assert.Equal("transfer.reason", Assert.Single(transfer.ResolveMissing(1, MissingResolution.Lost, Arrived, " ", TransferParty.Receiver, Now, "registrar", Get)).Code);

        Assert.Empty(transfer.ResolveMissing(1, MissingResolution.Lost, Arrived.AddDays(2), "Not found in three days' search", TransferParty.Receiver, Now, "registrar", Get));
        Assert.Equal((SpecimenStatus.Lost, null, null), (missing.Status, missing.HolderId, missing.OnTransfer));
        Assert.False(transfer.IsOpen);
    }

    [Fact]
    public void Receipt_with_identifiers_for_a_group_split_off_the_same_day_is_accepted()
    {
        var ducks = Group(Acquisition(new(2020, 4, 1), Moscow, counts: new(5, 5, 0)));
        var transfer = Cleared([new LineRequest(ducks, new SexCounts(2, 2, 0))]);
        var all = new List<Specimen> { ducks };
        Specimen Get(SpecimenId id) => all.Single(s => s.Id == id);
        var travelling = Assert.Single(transfer.Dispatch(Dispatched, Now, "test", Get).Value);
        all.Add(travelling);

        var received = transfer.Receive(Dispatched.AddHours(10), [new LineReceipt(1, new(2, 2, 0), SexCounts.Zero, SexCounts.Zero, [("local", "PYO-DUCKS")])],
            Now, "test", Get);

        // The identifier is recorded at the arrival: at the start of the day it would precede the group it names.
        Assert.Empty(received.Violations);
        Assert.Equal(Pyongyang, travelling.HolderId);
        Assert.Contains(travelling.Identifiers, i => i.Value == "PYO-DUCKS" && i.AssignedBy == Pyongyang);
    }

    [Fact]
    public void Each_step_belongs_to_one_party_and_to_one_status()
    {
        var lioness = Individual(Birth(new(2021, 5, 14), Moscow));
        var transfer = Transfer.Draft(TransferId.New(), Moscow, Pyongyang, TransferTerms.Gift, null, TransferParty.Receiver, [new LineRequest(lioness, null)], Now, "curator").Value;
        Specimen Get(SpecimenId _) => lioness;

        Assert.Equal("transfer.wrong-party", Assert.Single(transfer.Submit(TransferParty.Sender, Now, "curator")).Code);
        Assert.Equal("transfer.status", Assert.Single(transfer.Accept(TransferParty.Sender, Now, "curator", Get)).Code);
        Assert.Empty(transfer.Submit(TransferParty.Receiver, Now, "curator"));
        Assert.Equal("transfer.wrong-party", Assert.Single(transfer.Accept(TransferParty.Receiver, Now, "curator", Get)).Code);
        Assert.Equal("transfer.reason", Assert.Single(transfer.Decline(TransferParty.Sender, null, Now, "curator", Get)).Code);
        Assert.Equal("transfer.status", Assert.Single(transfer.Dispatch(Dispatched, Now, "registrar", Get).Violations).Code);
        Assert.Empty(transfer.Decline(TransferParty.Sender, "Not this year", Now, "curator", Get));
        Assert.Null(lioness.OnTransfer);
        Assert.Equal(
            [TransferAction.Drafted, TransferAction.Requested, TransferAction.Declined],
            transfer.Steps.Select(s => s.Action));
    }

    [Fact]
    public void A_request_takes_its_animals_only_when_the_sender_accepts_it_and_not_while_another_transfer_has_them()
    {
        var lioness = Individual(Birth(new(2021, 5, 14), Moscow));
        Specimen Get(SpecimenId _) => lioness;
        var request = Transfer.Draft(TransferId.New(), Moscow, Pyongyang, TransferTerms.Gift, null, TransferParty.Receiver, [new LineRequest(lioness, null)], Now, "curator").Value;
        Assert.Empty(request.Submit(TransferParty.Receiver, Now, "curator"));
        Assert.Null(lioness.OnTransfer);

        // Asked for, she is still Moscow's to offer elsewhere; while that offer is open, the request cannot be accepted.
        var offer = Transfer.Draft(TransferId.New(), Moscow, Prague, TransferTerms.Gift, null, TransferParty.Sender, [new LineRequest(lioness, null)], Now, "curator").Value;
        var refused = request.Accept(TransferParty.Sender, Now, "curator", Get);
        Assert.Equal((Transfer.AnimalsChanged, "lines[0].specimen"), (Assert.Single(refused).Code, refused[0].Field));
        Assert.Equal((TransferStatus.Proposed, offer.Id), (request.Status, lioness.OnTransfer));

        Assert.Empty(offer.Cancel(TransferParty.Sender, "Prague asked first, then withdrew", Now, "curator", Get));
        Assert.Empty(request.Accept(TransferParty.Sender, Now, "curator", Get));
        Assert.Equal((TransferStatus.Accepted, request.Id), (request.Status, lioness.OnTransfer));
        Assert.True(request.SenderAgreed);
    }

    [Fact]
    public void A_request_is_not_accepted_for_an_animal_that_has_died_since()
    {
        var lioness = Individual(Birth(new(2021, 5, 14), Moscow));
        var request = Transfer.Draft(TransferId.New(), Moscow, Pyongyang, TransferTerms.Gift, null, TransferParty.Receiver, [new LineRequest(lioness, null)], Now, "curator").Value;
        Assert.Empty(request.Submit(TransferParty.Receiver, Now, "curator"));
        Assert.False(request.SenderAgreed);
        Assert.Empty(lioness.Record(new EventDetails { Type = EventType.Death, Date = new(new(2026, 11, 1), false), Text = "old age" }));

        Assert.Equal(Transfer.AnimalsChanged, Assert.Single(request.Accept(TransferParty.Sender, Now, "curator", _ => lioness)).Code);
        Assert.Null(lioness.OnTransfer);
    }

    [Fact]
    public void A_draft_names_every_problem_at_once()
    {
        var lioness = Individual(Birth(new(2021, 5, 14), Pyongyang));
        var ducks = Group(Acquisition(new(2020, 4, 1), Moscow, counts: new(2, 2, 0)));
        Assert.Empty(ducks.Reserve(TransferId.New()));

        var drafted = Transfer.Draft(TransferId.New(), Moscow, Moscow, TransferTerms.Loan, null, TransferParty.Sender,
            [new LineRequest(lioness, null), new LineRequest(ducks, new SexCounts(3, 0, 0))], Now, "curator");

        Assert.Equal(
            ["transfer.parties", "transfer.return-due", "transfer.not-held", "transfer.owner", "transfer.specimen-taken", "transfer.counts"],
            drafted.Violations.Select(v => v.Code));
        Assert.Null(lioness.OnTransfer);
    }

    [Fact]
    public void Events_of_a_transfer_are_not_corrected_through_the_history_and_nothing_happens_in_transit()
    {
        var lioness = Individual(Birth(new(2021, 5, 14), Moscow));
        var transfer = Cleared([new LineRequest(lioness, null)]);
        Assert.True(transfer.Dispatch(Dispatched, Now, "registrar", _ => lioness).IsValid);
        var dispatch = lioness.Events.Single(e => e.Type == EventType.Dispatch);

        var retraction = lioness.Record(new EventDetails { Type = EventType.Retraction, Date = On(2026, 11, 22), Supersedes = dispatch.Id, Reason = "typed in error" });
        var acquisition = lioness.Record(Acquisition(new(2026, 11, 22), Prague));
        var death = lioness.Record(Death(new(2026, 11, 21)));

        Assert.Equal("event.supersedes", Assert.Single(retraction).Code);
        Assert.Equal("transfer.specimen-taken", Assert.Single(acquisition).Code);
        // Dead on arrival is part of the receipt; a death beside it would leave the receipt nothing to account for.
        Assert.Equal("holder.in-transit", Assert.Single(death).Code);
        Assert.Equal(SpecimenStatus.InTransit, lioness.Status);
    }

    [Fact]
    public void A_loan_keeps_the_owner_and_a_gift_does_not()
    {
        var loaned = Individual(Birth(new(2021, 5, 14), Moscow));
        var given = Individual(Birth(new(2021, 5, 14), Moscow));
        foreach (var (animal, terms, due) in new[] { (loaned, TransferTerms.Loan, (DateOnly?)new DateOnly(2029, 1, 1)), (given, TransferTerms.Gift, null) })
        {
            var transfer = Cleared([new LineRequest(animal, null)], terms, due);
            Assert.True(transfer.Dispatch(Dispatched, Now, "registrar", _ => animal).IsValid);
            Assert.True(transfer.Receive(Arrived, [new LineReceipt(1, SexCounts.Of(Sex.Female), SexCounts.Zero, SexCounts.Zero, [("local", "PYO-1")])], Now, "registrar", _ => animal).IsValid);
        }

        Assert.Equal((Pyongyang, Moscow), (loaned.HolderId, loaned.OwnerId));
        Assert.Equal((Pyongyang, Pyongyang), (given.HolderId, given.OwnerId));
        Assert.Equal(Pyongyang, given.Identifiers.Single(i => i.Value == "PYO-1").AssignedBy);
        var periods = given.Holdings.Select(h => (h.HolderId, h.TransferId is not null)).ToList();
        Assert.Equal([(Moscow, false), (null, true), (Pyongyang, false)], periods);
    }

    [Fact]
    public void An_animal_on_loan_goes_back_to_its_owner_and_nowhere_else()
    {
        var lion = Individual(Birth(new(2021, 5, 14), Moscow));
        var loan = Cleared([new LineRequest(lion, null)], TransferTerms.Loan, new DateOnly(2029, 1, 1));
        Assert.True(loan.Dispatch(Dispatched, Now, "registrar", _ => lion).IsValid);
        Assert.True(loan.Receive(Arrived, [new LineReceipt(1, SexCounts.Of(Sex.Female), SexCounts.Zero, SexCounts.Zero, [])], Now, "registrar", _ => lion).IsValid);

        var onward = Transfer.Draft(TransferId.New(), Pyongyang, Prague, TransferTerms.Gift, null, TransferParty.Sender, [new LineRequest(lion, null)], Now, "curator");
        var wrongReturn = Transfer.Draft(TransferId.New(), Pyongyang, Prague, TransferTerms.LoanReturn, null, TransferParty.Sender, [new LineRequest(lion, null)], Now, "curator");
        var home = Transfer.Draft(TransferId.New(), Pyongyang, Moscow, TransferTerms.LoanReturn, null, TransferParty.Sender, [new LineRequest(lion, null)], Now, "curator");

        Assert.Equal("transfer.owner", Assert.Single(onward.Violations).Code);
        Assert.Equal("transfer.owner", Assert.Single(wrongReturn.Violations).Code);
        Assert.True(home.IsValid);
    }

    [Fact]
    public void An_animal_on_a_transfer_does_not_leave_by_another_way_and_identifiers_need_an_animal_that_arrived()
    {
        var lion = Individual(Birth(new(2021, 5, 14), Moscow));
        var transfer = Cleared([new LineRequest(lion, null)]);

        Assert.Equal("transfer.specimen-taken", Assert.Single(lion.Record(Disposition(new(2026, 11, 19), to: Prague))).Code);
        Assert.True(transfer.Dispatch(Dispatched, Now, "registrar", _ => lion).IsValid);
        var receipt = transfer.Receive(Arrived, [new LineReceipt(1, SexCounts.Zero, SexCounts.Of(Sex.Female), SexCounts.Zero, [("local", "PYO-9")])], Now, "registrar", _ => lion);
        Assert.Equal("receipt.identifiers", Assert.Single(receipt.Violations).Code);
    }

    private static Transfer Cleared(IReadOnlyList<LineRequest> lines, TransferTerms terms = TransferTerms.Gift, DateOnly? returnDue = null)
    {
        var transfer = Transfer.Draft(TransferId.New(), Moscow, Pyongyang, terms, returnDue, TransferParty.Sender, lines, Now, "curator").Value;
        Assert.Empty(transfer.Submit(TransferParty.Sender, Now, "curator"));
        Assert.Empty(transfer.Accept(TransferParty.Receiver, Now, "curator", id => lines.Single(l => l.Specimen.Id == id).Specimen));
        Assert.Empty(transfer.Clear("Curator's clearance", Now, "curator"));
        return transfer;
    }
}
