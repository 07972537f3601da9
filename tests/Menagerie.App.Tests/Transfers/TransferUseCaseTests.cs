using Menagerie.App.Ledger;
using Menagerie.App.Persistence;
using Menagerie.App.Specimens;
using Menagerie.App.Transfers;
using Menagerie.Domain.Specimens;
using Menagerie.Domain.Transfers;
using Menagerie.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Menagerie.App.Tests.Given;

namespace Menagerie.App.Tests.Transfers;

public sealed class TransferUseCaseTests
{
    private static readonly DateTime Dispatched = new(2026, 11, 20, 6, 30, 0, DateTimeKind.Utc);
    private static readonly DateTime Arrived = new(2026, 11, 21, 14, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_shipment_moves_the_records_and_accounts_for_every_animal(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TwoZoosAndALionAsync(database);
        await DucksAsync(database, "40.40.0");
        await using var services = database.Services();

        var transfer = await CreateAsync(services, new TransferInput
        {
            Sender = "MOSCOW",
            Receiver = "PYONGYANG",
            Terms = "gift",
            Submit = true,
            Lines = [new("MOS-1"), new("MOS-DUCKS", "12.13.0")],
        });
        Assert.Equal(TransferStatus.Proposed, transfer.Status);
        Assert.Equal(26, transfer.Animals);
        Assert.Equal("accept", transfer.NextStep?.Action);
        Assert.Equal("PYONGYANG", transfer.NextStep?.Institution);

        transfer = await StepAsync(services, c => c.AcceptAsync(transfer.Id, null, Ct));
        await PapersAsync(services, transfer.Id, "RU", "KP", DateOnly.FromDateTime(Dispatched).AddDays(-1));
        transfer = await StepAsync(services, c => c.ClearAsync(transfer.Id, "Permits and the health certificate registered", null, Ct));
        transfer = await StepAsync(services, c => c.DispatchAsync(transfer.Id, new DispatchInput(Dispatched), null, null, Ct));
        Assert.Equal(TransferStatus.Dispatched, transfer.Status);
        var ducksLine = transfer.Lines.Single(l => l.Kind == SpecimenKind.Group);
        Assert.NotNull(ducksLine.Shipped);
        Assert.NotEqual(ducksLine.Specimen, ducksLine.Shipped);

        var moscowAfterDispatch = await CensusTotalAsync(services, "MOSCOW", Dispatched.AddHours(1));
        Assert.Equal("28.27.0", moscowAfterDispatch);

        transfer = await StepAsync(services, c => c.ReceiveAsync(transfer.Id, new ReceiptInput(Arrived,
        [
            new ReceiptLineInput { Line = 1, Outcome = "arrived", Identifiers = [new("local", "PYO-77")] },
            new ReceiptLineInput { Line = 2, Arrived = "12.11.0", DeadOnArrival = "0.1.0", Missing = "0.1.0" },
        ]), null, null, Ct));
        Assert.Equal(TransferStatus.Received, transfer.Status);
        Assert.True(transfer.OpenDiscrepancy);
        Assert.Equal("resolve", transfer.NextStep?.Action);

        await using (var scope = services.Scope())
        {
            var queries = scope.ServiceProvider.GetRequiredService<SpecimenQueries>();
            var lioness = Ok(await queries.GetAsync("PYO-77", Ct));
            Assert.Equal("PYONGYANG", lioness.Holder?.Code);
            Assert.Equal("PYONGYANG", lioness.Owner?.Code);
            var history = Ok(await queries.HistoryAsync("PYO-77", Ct));
            Assert.Equal(EventType.Birth, history.Events[0].Type);
            Assert.Contains(history.Events, e => e.Type == EventType.Dispatch && e.Transfer == transfer.Id);
            Assert.Contains(history.Events, e => e.Type == EventType.Arrival && e.Transfer == transfer.Id);
        }
        Assert.Equal("12.12.0", await CensusTotalAsync(services, "PYONGYANG", Arrived.AddHours(1)));

        transfer = await StepAsync(services, c => c.ResolveAsync(transfer.Id, 2, new ResolutionInput("found", Arrived.AddHours(3), "Found in the crate lining"), null, Ct));
        Assert.False(transfer.OpenDiscrepancy);
        Assert.Equal("12.13.0", await CensusTotalAsync(services, "PYONGYANG", Arrived.AddHours(4)));
        Assert.Equal("28.27.0", await CensusTotalAsync(services, "MOSCOW", Arrived.AddHours(4)));

        await using var verify = services.Scope();
        Assert.True((await verify.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(Ct)).Intact);
    }

    [Fact]
    public async Task A_specimen_cannot_be_on_two_open_transfers()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await TwoZoosAndALionAsync(database);
        await using var services = database.Services();
        var first = await CreateAsync(services, new TransferInput { Sender = "MOSCOW", Receiver = "PYONGYANG", Terms = "gift", Lines = [new("MOS-1")] });

        await using (var scope = services.Scope())
        {
            var second = await scope.ServiceProvider.GetRequiredService<TransferCommands>().CreateAsync(
                new TransferInput { Sender = "MOSCOW", Receiver = "PYONGYANG", Terms = "loan", ReturnDue = new DateOnly(2028, 1, 1), Lines = [new("MOS-1")] }, Ct);
            var invalid = Assert.IsType<Outcome<TransferView>.Invalid>(second);
            Assert.Contains(invalid.Violations, v => v.Code == "transfer.specimen-taken" && v.Field == "lines[0].specimen");
        }

        await StepAsync(services, c => c.CancelAsync(first.Id, "Plans changed", null, Ct));
        await CreateAsync(services, new TransferInput { Sender = "MOSCOW", Receiver = "PYONGYANG", Terms = "loan", ReturnDue = new DateOnly(2028, 1, 1), Lines = [new("MOS-1")] });
    }

    [Fact]
    public async Task A_local_id_many_zoos_use_finds_the_senders_animal_and_a_time_without_offset_is_utc()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await TwoZoosAndALionAsync(database);
        await using var services = database.Services();
        await using (var scope = services.Scope())
        {
            var specimens = scope.ServiceProvider.GetRequiredService<SpecimenCommands>();
            for (var i = 0; i < 7; i++)
            {
                Ok(await specimens.CreateAsync(new SpecimenInput
                {
                    Taxon = "Panthera leo",
                    Sex = "male",
                    Identifiers = [new("local", "MOS-1")],
                    First = new EventInput { Type = "birth", Date = "2022-01-01", Institution = "PYONGYANG" },
                }, Ct));
            }
        }

        var transfer = await CreateAsync(services, new TransferInput { Sender = "MOSCOW", Receiver = "PYONGYANG", Terms = "gift", Lines = [new("MOS-1")] });
        transfer = await StepAsync(services, c => c.ProposeAsync(transfer.Id, null, Ct));
        transfer = await StepAsync(services, c => c.AcceptAsync(transfer.Id, null, Ct));
        await PapersAsync(services, transfer.Id, "RU", "KP", new DateOnly(2026, 11, 19));
        transfer = await StepAsync(services, c => c.ClearAsync(transfer.Id, "cleared", null, Ct));
        transfer = await StepAsync(services, c => c.DispatchAsync(transfer.Id, new DispatchInput(new DateTime(2026, 11, 20, 6, 30, 0, DateTimeKind.Unspecified)), null, null, Ct));

        Assert.Equal("Laska", Assert.Single(transfer.Lines).Name);
        Assert.Equal(Dispatched, transfer.DispatchedAt);
    }

    private static async Task DucksAsync(TestDatabase database, string counts)
    {
        await using var services = database.Services();
        await using var scope = services.Scope();
        Ok(await scope.ServiceProvider.GetRequiredService<SpecimenCommands>().CreateAsync(new SpecimenInput
        {
            Kind = "group",
            Taxon = "Aix galericulata",
            First = new EventInput { Type = "acquisition", Date = "2020-04-01", Institution = "MOSCOW", FromName = "private breeder", Counts = counts },
            Identifiers = [new("local", "MOS-DUCKS")],
        }, Ct));
    }

    private static async Task<TransferView> CreateAsync(ServiceProvider services, TransferInput input)
    {
        await using var scope = services.Scope();
        return Ok(await scope.ServiceProvider.GetRequiredService<TransferCommands>().CreateAsync(input, Ct));
    }

    private static async Task<TransferView> StepAsync(ServiceProvider services, Func<TransferCommands, Task<Outcome<TransferView>>> step)
    {
        await using var scope = services.Scope();
        return Ok(await step(scope.ServiceProvider.GetRequiredService<TransferCommands>()));
    }

    private static async Task<string> CensusTotalAsync(ServiceProvider services, string institution, DateTime at)
    {
        await using var scope = services.Scope();
        return Ok(await scope.ServiceProvider.GetRequiredService<Census>().OnAsync(institution, DateOnly.FromDateTime(at), Ct)).TotalBySex;
    }
}
