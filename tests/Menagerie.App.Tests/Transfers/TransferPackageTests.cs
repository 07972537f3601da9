using System.Text;
using System.Text.Json.Nodes;
using Menagerie.App.Installations;
using Menagerie.App.Institutions;
using Menagerie.App.Ledger;
using Menagerie.App.Persistence;
using Menagerie.App.Specimens;
using Menagerie.App.Transfers;
using Menagerie.App.Transfers.Packages;
using Menagerie.Domain.Specimens;
using Menagerie.Domain.Transfers;
using Menagerie.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Menagerie.App.Tests.Given;

namespace Menagerie.App.Tests.Transfers;

/// <summary>
/// Two installations, each its own database: Berlin's, with the sample collection (its loan of a lion to Prague is
/// dispatched), and Prague's, which starts empty, trusts Berlin's key, imports the package and receives the lion.
/// </summary>
public sealed class TransferPackageTests
{
    private const string Berlin = "berlin-zoo";
    private static readonly DateTime Arrived = new(2026, 11, 25, 9, 30, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_package_brings_the_transfer_and_full_histories_and_the_receiver_receives_it(DatabaseProvider provider)
    {
        await using var sender = await TestDatabase.CreateAsync(provider, withSample: true);
        await using var receiver = await TestDatabase.CreateAsync(provider);
        await using var a = Installation(sender, Berlin);
        await using var b = Installation(receiver, "prague-zoo");
        await TrustAsync(b, Berlin, await PublicKeyAsync(a));
        var transfer = await DispatchedLoanAsync(sender);

        var imported = Assert.IsType<Outcome<ImportedPackage>.Created>(await ImportAsync(b, await ExportAsync(a, transfer))).Value;

        Assert.Equal(Berlin, imported.Signer);
        Assert.Equal(TransferStatus.Dispatched, imported.Transfer.Status);
        Assert.Equal((transfer, "BERLIN", "PRAGUE", TransferTerms.Loan), (imported.Transfer.Id, imported.Transfer.Sender, imported.Transfer.Receiver, imported.Transfer.Terms));
        Assert.Equal(["BERLIN", "PRAGUE"], imported.NewInstitutions.Order(StringComparer.Ordinal));
        Assert.Equal(["BERLIN Europe/Berlin", "PRAGUE Europe/Prague"], await TimeZonesAsync(receiver));
        Assert.Equal(["CZ", "DE"], imported.NewCountries.Order(StringComparer.Ordinal));
        Assert.Equal(["Panthera leo"], imported.NewTaxa);
        var lion = imported.Transfer.Lines.Single().Specimen;
        var there = await HistoryAsync(a, lion);
        var here = await HistoryAsync(b, lion);
        Assert.Equal(SpecimenStatus.InTransit, here.Specimen.Status);
        Assert.Equal(transfer, here.Specimen.InTransitOn);
        Assert.Equal(transfer, here.Specimen.OnTransfer);
        Assert.Equal(there.Specimen.Identifiers, here.Specimen.Identifiers);
        Assert.Equal((there.Specimen.Sire, there.Specimen.Dam, there.Specimen.BirthDate), (here.Specimen.Sire, here.Specimen.Dam, here.Specimen.BirthDate));
        Assert.Equal(there.Events.Select(Comparable), here.Events.Select(Comparable));
        Assert.Contains(here.Events, e => e.Type == EventType.Measurement && e.Measured == new Measured(190, 58, 42, 118)); // measured for its crate
        Assert.Equal(await TimelineAsync(a, transfer), await TimelineAsync(b, transfer));

        var received = await StepAsync(b, c => c.ReceiveAsync(transfer, new ReceiptInput(Arrived, [new ReceiptLineInput { Line = 1, Outcome = "arrived" }]), null, null, Ct));

        Assert.Equal(TransferStatus.Received, received.Status);
        var after = await HistoryAsync(b, lion);
        Assert.Equal(("PRAGUE", "BERLIN"), (after.Specimen.Holder?.Code, after.Specimen.Owner?.Code));
        Assert.Equal(EventType.Arrival, after.Events[^1].Type);
        Assert.Null(after.Specimen.OnTransfer);
        Assert.True((await VerifyAsync(receiver)).Intact);
    }

    [Fact]
    public async Task Part_of_a_group_travels_as_the_group_split_off_with_the_group_it_came_from()
    {
        await using var sender = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var receiver = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var a = Installation(sender, "prague-zoo");
        await using var b = Installation(receiver, Berlin);
        await TrustAsync(b, "prague-zoo", await PublicKeyAsync(a));
        var draft = await CreateAsync(a, new TransferInput { Sender = "PRAGUE", Receiver = "BERLIN", Terms = "gift", Submit = true, Lines = [new("PRG-G0001", "2.3.0")] });
        await StepAsync(a, c => c.AcceptAsync(draft.Id, null, Ct));
        await PapersAsync(a, draft.Id, "CZ", "DE", new DateOnly(2026, 11, 27));
        await StepAsync(a, c => c.ClearAsync(draft.Id, "Surplus to the Prague plan", null, Ct));
        var dispatched = await StepAsync(a, c => c.DispatchAsync(draft.Id, new DispatchInput(new DateTime(2026, 11, 28, 8, 0, 0, DateTimeKind.Utc)), null, null, Ct));
        var line = dispatched.Lines.Single();

        var imported = Assert.IsType<Outcome<ImportedPackage>.Created>(await ImportAsync(b, await ExportAsync(a, draft.Id))).Value;
        var received = await StepAsync(b, c => c.ReceiveAsync(draft.Id, new ReceiptInput(new DateTime(2026, 11, 29, 7, 0, 0, DateTimeKind.Utc),
            [new ReceiptLineInput { Line = 1, Arrived = "2.2.0", DeadOnArrival = "0.1.0" }]), null, null, Ct));

        Assert.Equal(2, imported.Specimens);
        Assert.Equal((line.Specimen, line.Shipped), (imported.Transfer.Lines.Single().Specimen, imported.Transfer.Lines.Single().Shipped));
        Assert.Equal(TransferStatus.Received, received.Status);
        var group = await HistoryAsync(b, line.Specimen);
        var shipped = await HistoryAsync(b, line.Shipped!.Value);
        Assert.Equal(("PRAGUE", "4.6.4"), (group.Specimen.Holder?.Code, group.Specimen.Counts));
        Assert.Equal(EventType.SplitOff, group.Events[^1].Type);
        Assert.Equal(("BERLIN", "2.2.0"), (shipped.Specimen.Holder?.Code, shipped.Specimen.Counts));
        Assert.Equal(EventType.SplitFrom, shipped.Events[0].Type);
        Assert.True((await VerifyAsync(receiver)).Intact);
    }

    [Fact]
    public async Task A_changed_byte_anywhere_in_the_file_is_refused_and_nothing_is_written()
    {
        await using var sender = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var receiver = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var a = Installation(sender, Berlin);
        await using var b = Installation(receiver, "prague-zoo");
        await TrustAsync(b, Berlin, await PublicKeyAsync(a));
        var file = await ExportAsync(a, await DispatchedLoanAsync(sender));
        var before = await CountsAsync(receiver);

        var codes = new HashSet<string>(StringComparer.Ordinal);
        await using (var scope = b.Scope())
        {
            var packages = scope.ServiceProvider.GetRequiredService<TransferPackages>();
            // One connection for the ten thousand attempts: the test databases do not pool connections.
            await scope.ServiceProvider.GetRequiredService<MenagerieDbContext>().Database.OpenConnectionAsync(Ct);
            for (var i = 0; i < file.Length; i++)
            {
                var changed = (byte[])file.Clone();
                changed[i] ^= 0x01;
                var refused = Assert.IsType<Outcome<ImportedPackage>.Invalid>(await packages.ImportAsync(changed, Ct));
                codes.Add(Assert.Single(refused.Violations).Code);
            }
        }

        Assert.Subset(new HashSet<string>(["package.format", "package.altered", "package.algorithm", "package.signer-unknown", "package.signature"], StringComparer.Ordinal), codes);
        Assert.Contains("package.signature", codes);
        Assert.Contains("package.altered", codes);
        Assert.True((await VerifyAsync(receiver)).Intact);
    }

    [Fact]
    public async Task A_package_from_an_installation_not_trusted_is_refused_naming_it_and_how_to_trust_it()
    {
        await using var sender = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var receiver = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var a = Installation(sender, Berlin);
        await using var b = Installation(receiver, "prague-zoo");
        var file = await ExportAsync(a, await DispatchedLoanAsync(sender));
        var before = await CountsAsync(receiver);

        var refused = Assert.IsType<Outcome<ImportedPackage>.Invalid>(await ImportAsync(b, file));

        var violation = Assert.Single(refused.Violations);
        Assert.Equal("package.signer-unknown", violation.Code);
        Assert.Contains($"'{Berlin}'", violation.Message, StringComparison.Ordinal);
        Assert.Contains($"menagerie installation trust {Berlin} <public-key>", violation.Message, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync(receiver));
    }

    [Fact]
    public async Task A_package_signed_with_another_key_under_a_trusted_name_is_refused()
    {
        await using var sender = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var impostor = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var receiver = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var a = Installation(sender, Berlin);
        await using var c = Installation(impostor, Berlin);
        await using var b = Installation(receiver, "prague-zoo");
        await TrustAsync(b, Berlin, await PublicKeyAsync(a));
        var forged = await ExportAsync(c, await DispatchedLoanAsync(impostor));
        var before = await CountsAsync(receiver);

        var refused = Assert.IsType<Outcome<ImportedPackage>.Invalid>(await ImportAsync(b, forged));

        Assert.Equal("package.signature", Assert.Single(refused.Violations).Code);
        Assert.Equal(before, await CountsAsync(receiver));
    }

    [Fact]
    public async Task Importing_the_same_package_twice_is_refused_the_second_time()
    {
        await using var sender = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var receiver = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var a = Installation(sender, Berlin);
        await using var b = Installation(receiver, "prague-zoo");
        await TrustAsync(b, Berlin, await PublicKeyAsync(a));
        var transfer = await DispatchedLoanAsync(sender);
        var file = await ExportAsync(a, transfer);
        Assert.IsType<Outcome<ImportedPackage>.Created>(await ImportAsync(b, file));
        var before = await CountsAsync(receiver);

        var again = Assert.IsType<Outcome<ImportedPackage>.Conflict>(await ImportAsync(b, file));

        Assert.Contains($"Transfer {transfer} is already in these records", again.Message, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync(receiver));
    }

    [Theory]
    [InlineData(TransferStatus.Accepted)]
    [InlineData(TransferStatus.Received)]
    public async Task Only_a_dispatched_transfer_is_exported(TransferStatus status)
    {
        await using var sender = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var a = Installation(sender, Berlin);
        Guid transfer;
        await using (var db = TestDatabase.Open(sender.Options))
            transfer = (await db.Transfers.FirstAsync(t => t.Status == status, Ct)).Id.Value;

        await using var scope = a.Scope();
        var refused = Assert.IsType<Outcome<ExportedPackage>.Invalid>(await scope.ServiceProvider.GetRequiredService<TransferPackages>().ExportAsync(transfer, Ct));

        var violation = Assert.Single(refused.Violations);
        Assert.Equal("transfer.status", violation.Code);
        Assert.Contains("Only a dispatched transfer can be exported", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_validly_signed_package_whose_history_is_inconsistent_is_refused()
    {
        await using var sender = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var receiver = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var a = Installation(sender, Berlin);
        await using var b = Installation(receiver, "prague-zoo");
        await TrustAsync(b, Berlin, await PublicKeyAsync(a));
        var file = await ExportAsync(a, await DispatchedLoanAsync(sender));
        // The sender's own key signs a history in which the lion was dispatched from Prague, which never held it.
        var forged = await ResignAsync(sender, file, content =>
        {
            var dispatch = content["specimens"]![0]!["events"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "dispatch")!;
            dispatch["institution"] = "PRAGUE";
        });
        var before = await CountsAsync(receiver);

        var refused = Assert.IsType<Outcome<ImportedPackage>.Invalid>(await ImportAsync(b, forged));

        var violation = Assert.Single(refused.Violations);
        Assert.Equal("holder.not-sender", violation.Code);
        Assert.StartsWith("specimens[0].events[", violation.Field, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync(receiver));
    }

    [Fact]
    public async Task A_package_from_an_installation_without_time_zones_gives_its_new_institutions_utc()
    {
        await using var sender = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var receiver = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var a = Installation(sender, Berlin);
        await using var b = Installation(receiver, "prague-zoo");
        await TrustAsync(b, Berlin, await PublicKeyAsync(a));
        var older = await ResignAsync(sender, await ExportAsync(a, await DispatchedLoanAsync(sender)), content =>
        {
            foreach (var institution in content["institutions"]!.AsArray())
                Assert.True(institution!.AsObject().Remove("timeZone"));
        });

        Assert.IsType<Outcome<ImportedPackage>.Created>(await ImportAsync(b, older));

        Assert.Equal(["BERLIN UTC", "PRAGUE UTC"], await TimeZonesAsync(receiver));
    }

    private static async Task<List<string>> TimeZonesAsync(TestDatabase database)
    {
        await using var db = TestDatabase.Open(database.Options);
        return await db.Institutions.OrderBy(i => i.Code).Select(i => i.Code + " " + i.TimeZone).ToListAsync(Ct);
    }

    private static ServiceProvider Installation(TestDatabase database, string name)
    {
        var services = database.Services();
        services.GetRequiredService<InstallationSettings>().Name = name;
        return services;
    }

    private static async Task<string> PublicKeyAsync(ServiceProvider installation)
    {
        await using var scope = installation.Scope();
        return Ok(await scope.ServiceProvider.GetRequiredService<InstallationCommands>().ShowKeyAsync(Ct)).PublicKey;
    }

    private static async Task TrustAsync(ServiceProvider installation, string name, string publicKey)
    {
        await using var scope = installation.Scope(actor: "administrator");
        Ok(await scope.ServiceProvider.GetRequiredService<InstallationCommands>().TrustAsync(name, publicKey, replace: false, Ct));
    }

    private static async Task<Guid> DispatchedLoanAsync(TestDatabase database)
    {
        await using var db = TestDatabase.Open(database.Options);
        return (await db.Transfers.SingleAsync(t => t.Status == TransferStatus.Dispatched, Ct)).Id.Value;
    }

    private static async Task<byte[]> ExportAsync(ServiceProvider installation, Guid transfer)
    {
        await using var scope = installation.Scope();
        return Ok(await scope.ServiceProvider.GetRequiredService<TransferPackages>().ExportAsync(transfer, Ct)).Content;
    }

    private static async Task<Outcome<ImportedPackage>> ImportAsync(ServiceProvider installation, byte[] file)
    {
        await using var scope = installation.Scope();
        return await scope.ServiceProvider.GetRequiredService<TransferPackages>().ImportAsync(file, Ct);
    }

    /// <summary>Edits a package's content and signs it again with the sending installation's own key, as only that installation could.</summary>
    private static async Task<byte[]> ResignAsync(TestDatabase sender, byte[] file, Action<JsonNode> edit)
    {
        var envelope = JsonNode.Parse(file)!;
        var content = JsonNode.Parse(Convert.FromBase64String(envelope["content"]!.GetValue<string>()))!;
        edit(content);
        var bytes = Encoding.UTF8.GetBytes(content.ToJsonString());
        await using var db = TestDatabase.Open(sender.Options);
        var key = await db.InstallationKeys.SingleAsync(Ct);
        return SignedPackage.Write(key.Name, bytes, key.Sign(bytes));
    }

    private static async Task<HistoryView> HistoryAsync(ServiceProvider installation, Guid specimen)
    {
        await using var scope = installation.Scope();
        return Ok(await scope.ServiceProvider.GetRequiredService<SpecimenQueries>().HistoryAsync(specimen.ToString(), Ct));
    }

    private static async Task<IReadOnlyList<TransferStepView>> TimelineAsync(ServiceProvider installation, Guid transfer)
    {
        await using var scope = installation.Scope();
        return Ok(await scope.ServiceProvider.GetRequiredService<TransferQueries>().TimelineAsync(transfer, Ct));
    }

    private static async Task<TransferView> CreateAsync(ServiceProvider installation, TransferInput input)
    {
        await using var scope = installation.Scope();
        return Ok(await scope.ServiceProvider.GetRequiredService<TransferCommands>().CreateAsync(input, Ct));
    }

    private static async Task<TransferView> StepAsync(ServiceProvider installation, Func<TransferCommands, Task<Outcome<TransferView>>> step)
    {
        await using var scope = installation.Scope();
        return Ok(await step(scope.ServiceProvider.GetRequiredService<TransferCommands>()));
    }

    /// <summary>An event as both installations must show it: institutions by code, since each installation has its own ids for them.</summary>
    private static EventView Comparable(EventView e) =>
        e with { Institution = ByCode(e.Institution), Counterparty = ByCode(e.Counterparty), Owner = ByCode(e.Owner) };

    private static InstitutionRef? ByCode(InstitutionRef? institution) => institution is null ? null : institution with { Id = Guid.Empty };

    private static async Task<(int Ledger, int Specimens, int Transfers, int Institutions)> CountsAsync(TestDatabase database)
    {
        await using var db = TestDatabase.Open(database.Options);
        return (await db.LedgerEntries.CountAsync(Ct), await db.Specimens.CountAsync(Ct), await db.Transfers.CountAsync(Ct), await db.Institutions.CountAsync(Ct));
    }

    private static async Task<AuditReport> VerifyAsync(TestDatabase database)
    {
        await using var db = TestDatabase.Open(database.Options);
        return await new AuditVerifier(db).VerifyAsync(Ct);
    }
}
