using Menagerie.App.Accounts;
using Menagerie.App.Compliance;
using Menagerie.App.Institutions;
using Menagerie.App.Persistence;
using Menagerie.App.Transfers;
using Menagerie.Domain;
using Menagerie.Domain.Documents;
using Menagerie.Domain.Transfers;
using Menagerie.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Menagerie.App.Tests.Given;

namespace Menagerie.App.Tests.Transfers;

/// <summary>
/// The authorities' sign-off: Russia has its authority approve what leaves it, so the lioness's transfer to Pyongyang,
/// its papers otherwise in order, clears only once the authority of RU has approved it, and not while the authority of
/// either country objects.
/// </summary>
public sealed class AuthoritySignOffTests
{
    [Fact]
    public async Task Clearance_waits_for_the_approval_of_the_authority_of_a_country_that_requires_it()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var transfer = await AcceptedWithPapersAsync(database);
        await using var services = database.Services();

        var refused = await ClearAsync(services, transfer);
        var approved = Ok(await SignOffAsync(services, transfer, "authority@RU", "RU", "approve", "The Ministry agrees to the gift"));
        var cleared = await ClearAsync(services, transfer);

        Assert.Contains(Assert.IsType<Outcome<TransferView>.Invalid>(refused).Violations, v => v.Code == "compliance.L-04");
        var step = approved.Timeline[^1];
        Assert.Equal((TransferAction.Approved, TransferParty.Sender, "authority@RU", "The Ministry agrees to the gift"), (step.Action, step.Party, step.By, step.Reason));
        var document = Assert.Single(approved.Documents, d => d.Type == DocumentType.MinistryApproval);
        Assert.Equal(("RU", "authority@RU", new DateOnly(2026, 11, 29)), (document.IssuingState, document.RecordedBy, document.IssuedOn));
        Assert.Equal(TransferStatus.Cleared, Ok(cleared).Status);
        await using var db = TestDatabase.Open(database.Options);
        var entries = await db.LedgerEntries.Where(e => e.Actor == "authority@RU").ToListAsync(Ct);
        Assert.Contains(entries, e => e.EntityType == nameof(TransferStep) && e.Reason!.Contains("approved by the authority of RU", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.EntityType == nameof(TransferDocument) && e.After!.Contains(document.Number, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_objection_needs_its_reason_blocks_even_an_approved_transfer_and_stops_blocking_once_withdrawn()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var transfer = await AcceptedWithPapersAsync(database);
        await using var services = database.Services();
        Ok(await SignOffAsync(services, transfer, "authority@RU", "RU", "approve", null));

        var unreasoned = await SignOffAsync(services, transfer, "authority@KP", "KP", "object", " ");
        var objected = Ok(await SignOffAsync(services, transfer, "authority@KP", "KP", "object", "Quarantine at the Central Zoo is not ready"));
        var again = await SignOffAsync(services, transfer, "authority@KP", "KP", "object", "still not ready");
        var approveWhileObjecting = await SignOffAsync(services, transfer, "authority@KP", "KP", "approve", null);
        var blocked = await ClearAsync(services, transfer);
        var requirements = await RequirementsAsync(services, transfer);
        var withdrawn = Ok(await SignOffAsync(services, transfer, "authority@KP", "KP", "withdraw", "Quarantine ready"));
        var nothingToWithdraw = await SignOffAsync(services, transfer, "authority@KP", "KP", "withdraw", null);
        var cleared = await ClearAsync(services, transfer);

        Assert.Equal("transfer.reason", Assert.Single(Assert.IsType<Outcome<TransferView>.Invalid>(unreasoned).Violations).Code);
        Assert.Equal((TransferAction.Objected, TransferParty.Receiver), (objected.Timeline[^1].Action, objected.Timeline[^1].Party));
        Assert.Equal("transfer.sign-off", Assert.Single(Assert.IsType<Outcome<TransferView>.Invalid>(again).Violations).Code);
        Assert.Equal("transfer.sign-off", Assert.Single(Assert.IsType<Outcome<TransferView>.Invalid>(approveWhileObjecting).Violations).Code);
        var l04 = Assert.Single(Assert.IsType<Outcome<TransferView>.Invalid>(blocked).Violations, v => v.Code == "compliance.L-04");
        Assert.Contains("Quarantine at the Central Zoo is not ready", l04.Message, StringComparison.Ordinal);
        Assert.Contains(requirements.Requirements, r => r.Rule == "L-04" && r.Status == "satisfied"); // RU's approval stands
        Assert.Contains(requirements.Requirements, r => r.Rule == "L-04" && r.Status == "missing" && r.Message.ToString().Contains("KP objects", StringComparison.Ordinal));
        Assert.Equal(TransferAction.ObjectionWithdrawn, withdrawn.Timeline[^1].Action);
        Assert.Equal("transfer.sign-off", Assert.Single(Assert.IsType<Outcome<TransferView>.Invalid>(nothingToWithdraw).Violations).Code);
        Assert.Equal(TransferStatus.Cleared, Ok(cleared).Status);
    }

    [Fact]
    public async Task A_ministry_approval_registered_by_a_party_does_not_stand_for_the_authoritys_sign_off()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var transfer = await AcceptedWithPapersAsync(database);
        await using var services = database.Services();
        await using (var scope = services.Scope())
        {
            Ok(await scope.ServiceProvider.GetRequiredService<TransferDocuments>().RegisterAsync(transfer, new DocumentInput
            {
                Type = "ministry-approval",
                Number = "MNR-1",
                IssuingAuthority = "Ministry of Natural Resources",
                IssuingState = "RU",
                IssuedOn = new DateOnly(2026, 11, 20),
            }, Ct));
        }

        var requirements = await RequirementsAsync(services, transfer);

        Assert.Contains(requirements.Requirements, r => r.Rule == "L-04" && r.Status == "missing" && r.Message.ToString().Contains("has not signed", StringComparison.Ordinal));
        Assert.Contains(Assert.IsType<Outcome<TransferView>.Invalid>(await ClearAsync(services, transfer)).Violations, v => v.Code == "compliance.L-04");
    }

    [Fact]
    public async Task Only_the_authority_of_the_sending_or_the_receiving_country_signs_off()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var transfer = await AcceptedWithPapersAsync(database);
        await using var services = database.Services();
        InstitutionId moscow;
        await using (var db = TestDatabase.Open(database.Options))
            moscow = (await db.Institutions.SingleAsync(i => i.Code == "MOSCOW", Ct)).Id;

        var elsewhere = await SignOffAsync(services, transfer, "authority@DE", "DE", "approve", null);
        var curator = await SignOffAsync(services, transfer, "curator@MOSCOW", Membership.AtInstitution(Guid.NewGuid(), Role.Curator, moscow), "approve", null);
        var unknown = await SignOffAsync(services, transfer, "authority@RU", "RU", "consent", null);

        Assert.IsType<Outcome<TransferView>.NotFound>(elsewhere);
        Assert.IsType<Outcome<TransferView>.Forbidden>(curator);
        Assert.Equal("decision", Assert.Single(Assert.IsType<Outcome<TransferView>.Invalid>(unknown).Violations).Field);
        Assert.DoesNotContain(Ok(await GetAsync(services, transfer)).Timeline, s => Transfer.IsSignOff(s.Action));
    }

    [Fact]
    public async Task A_dispatched_transfer_is_past_signing_off()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var transfer = await AcceptedWithPapersAsync(database);
        await using var services = database.Services();
        Ok(await SignOffAsync(services, transfer, "authority@RU", "RU", "approve", null));
        Ok(await ClearAsync(services, transfer));
        await using (var scope = services.Scope())
            Ok(await scope.ServiceProvider.GetRequiredService<TransferCommands>().DispatchAsync(transfer, new DispatchInput(new DateTime(2026, 11, 29, 6, 0, 0, DateTimeKind.Utc)), null, null, Ct));

        var late = await SignOffAsync(services, transfer, "authority@KP", "KP", "object", "too late");

        Assert.IsType<Outcome<TransferView>.Conflict>(late);
    }

    [Fact]
    public async Task The_sample_records_the_ministrys_approval_of_both_reference_shipments_as_the_sign_off_of_the_authority_of_RU()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var services = database.Services();
        await using var scope = services.Scope();
        var countries = await scope.ServiceProvider.GetRequiredService<InstitutionCommands>().ListCountriesAsync(Ct);
        var april = Ok(await scope.ServiceProvider.GetRequiredService<TransferQueries>().GetAsync(await TransferAsync(scope.ServiceProvider, TransferStatus.Received), Ct));
        var november = await TransferAsync(scope.ServiceProvider, TransferStatus.Accepted);
        var requirements = Ok(await scope.ServiceProvider.GetRequiredService<TransferCompliance>().RequirementsAsync(november, null, Ct));

        Assert.Equal(["RU"], countries.Where(c => c.RequiresAuthorityApproval).Select(c => c.Code));
        Assert.Equal(
            [TransferAction.Drafted, TransferAction.Proposed, TransferAction.Accepted, TransferAction.Approved, TransferAction.Cleared, TransferAction.Dispatched, TransferAction.Received],
            april.Timeline.Select(s => s.Action));
        Assert.Contains("MNR-2024-15-1104", april.Timeline.Single(s => s.Action == TransferAction.Approved).Reason, StringComparison.Ordinal);
        Assert.Contains(requirements.Requirements, r => r.Rule == "L-04" && r.Status == "satisfied");
    }

    /// <summary>
    /// Russia, requiring its authority's approval, and the DPRK; the lioness's transfer between their zoos, accepted,
    /// with the permits and the veterinary certificate that let it clear on 2026-11-29 but for that approval.
    /// </summary>
    private static async Task<Guid> AcceptedWithPapersAsync(TestDatabase database)
    {
        await TwoZoosAndALionAsync(database);
        await using var services = database.Services();
        Guid id;
        await using (var scope = services.Scope())
        {
            var institutions = scope.ServiceProvider.GetRequiredService<InstitutionCommands>();
            Ok(await institutions.UpdateCountryAsync("RU", new("RU", "Russian Federation", true, new DateOnly(1992, 1, 1), new DateOnly(2026, 11, 1), "CITES list of Parties", RequiresAuthorityApproval: true), null, Ct));
            Ok(await institutions.CreateCountryAsync(new("DE", "Germany", true, new DateOnly(1976, 6, 20), new DateOnly(2026, 11, 1), "CITES list of Parties"), Ct));
            var transfers = scope.ServiceProvider.GetRequiredService<TransferCommands>();
            id = Ok(await transfers.CreateAsync(new TransferInput { Sender = "MOSCOW", Receiver = "PYONGYANG", Terms = "gift", Submit = true, Lines = [new("MOS-1")] }, Ct)).Id;
            Ok(await transfers.AcceptAsync(id, null, Ct));
        }
        await PapersAsync(services, id, "RU", "KP", new DateOnly(2026, 11, 26));
        return id;
    }

    /// <summary>As the authority of one country, and of it only.</summary>
    private static Task<Outcome<TransferView>> SignOffAsync(ServiceProvider services, Guid transfer, string user, string country, string decision, string? reason) =>
        SignOffAsync(services, transfer, user, Membership.Create(Guid.NewGuid(), Role.Authority, null, country), decision, reason);

    /// <summary>As a person holding only that membership, as the web app would act for them.</summary>
    private static async Task<Outcome<TransferView>> SignOffAsync(ServiceProvider services, Guid transfer, string user, Membership membership, string decision, string? reason)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Actor>().Name = user;
        scope.ServiceProvider.GetRequiredService<Access>().ActAs([membership]);
        return await scope.ServiceProvider.GetRequiredService<TransferSignOffs>().SignOffAsync(transfer, new SignOffInput(decision, reason), null, Ct);
    }

    private static async Task<Outcome<TransferView>> ClearAsync(ServiceProvider services, Guid transfer)
    {
        await using var scope = services.Scope("curator@MOSCOW");
        return await scope.ServiceProvider.GetRequiredService<TransferCommands>().ClearAsync(transfer, "papers in order", null, Ct);
    }

    private static async Task<ComplianceView> RequirementsAsync(ServiceProvider services, Guid transfer)
    {
        await using var scope = services.Scope();
        return Ok(await scope.ServiceProvider.GetRequiredService<TransferCompliance>().RequirementsAsync(transfer, null, Ct));
    }

    private static async Task<Outcome<TransferView>> GetAsync(ServiceProvider services, Guid transfer)
    {
        await using var scope = services.Scope();
        return await scope.ServiceProvider.GetRequiredService<TransferQueries>().GetAsync(transfer, Ct);
    }
}
