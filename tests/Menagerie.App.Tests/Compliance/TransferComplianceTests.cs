using Menagerie.App.Compliance;
using Menagerie.App.Persistence;
using Menagerie.App.Transfers;
using Menagerie.Domain.Compliance;
using Menagerie.Domain.Transfers;
using Menagerie.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Menagerie.App.Tests.Given;

namespace Menagerie.App.Tests.Compliance;

/// <summary>A transfer's requirements from the records, the clearance they gate, the dispatch they re-check and the warnings a curator confirms.</summary>
public sealed class TransferComplianceTests
{
    [Fact]
    public async Task The_sample_November_transfer_shows_its_blocks_on_its_planned_departure_and_cannot_be_cleared()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var services = database.Services();
        await using var scope = services.Scope();
        var november = await TransferAsync(scope.ServiceProvider, TransferStatus.Accepted);

        var requirements = Ok(await scope.ServiceProvider.GetRequiredService<TransferCompliance>().RequirementsAsync(november, null, Ct));
        var cleared = await scope.ServiceProvider.GetRequiredService<TransferCommands>().ClearAsync(november, "the gift is approved", null, Ct);

        Assert.Equal(("blocked", "2024-11-20"), (requirements.Verdict, requirements.On));
        var blocks = requirements.Requirements.Where(r => r.Severity == "block" && r.Status != "satisfied").Select(r => r.Rule).Distinct().Order().ToList();
        // The pheasants, species not identified; the lioness and the bears, lineage not recorded. The permit and the
        // veterinary certificate it holds are valid on the day it leaves.
        Assert.Equal(["C-01", "C-61"], blocks);
        var refused = Assert.IsType<Outcome<TransferView>.Invalid>(cleared);
        Assert.Contains(refused.Violations, v => v.Code == "compliance.C-01" && v.Message.Contains("Phasianidae", StringComparison.Ordinal));
        Assert.Equal(TransferStatus.Accepted, Ok(await scope.ServiceProvider.GetRequiredService<TransferQueries>().GetAsync(november, Ct)).Status);
    }

    [Fact]
    public async Task The_sample_April_transfer_with_its_documents_has_no_blocks()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var services = database.Services();
        await using var scope = services.Scope();
        var april = await TransferAsync(scope.ServiceProvider, TransferStatus.Received);

        var requirements = Ok(await scope.ServiceProvider.GetRequiredService<TransferCompliance>().RequirementsAsync(april, null, Ct));

        Assert.Equal("2024-04-25", requirements.On);
        Assert.DoesNotContain(requirements.Requirements, r => r.Severity == "block" && r.Status != "satisfied");
        Assert.Equal("warnings", requirements.Verdict);
        Assert.Contains(requirements.Requirements, r => r.Rule == "C-61" && r.Status == "satisfied" && r.SatisfiedBy?.Number == "KP-CD-2024-031");
    }

    [Fact]
    public async Task A_curator_confirms_a_warning_with_a_reason_the_ledger_keeps_and_cannot_confirm_a_block()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var services = database.Services();
        await using var scope = services.Scope("curator Ivanova");
        var compliance = scope.ServiceProvider.GetRequiredService<TransferCompliance>();
        var november = await TransferAsync(scope.ServiceProvider, TransferStatus.Accepted);
        var before = Ok(await compliance.RequirementsAsync(november, null, Ct));
        var temperature = before.Requirements.Single(r => r.Rule == "W-01");

        var confirmed = await compliance.OverrideAsync(november, new OverrideInput("w-01", temperature.Lines, "Heated hold at 18 °C agreed with the crew; vets on board"), Ct);
        var block = await compliance.OverrideAsync(november, new OverrideInput("C-61", [1], "we trust them"), Ct);
        var unknown = await compliance.OverrideAsync(november, new OverrideInput("W-01", [99], "wrong lines"), Ct);
        var noReason = await compliance.OverrideAsync(november, new OverrideInput("L-20", before.Requirements.Single(r => r.Rule == "L-20" && r.Severity == "warn").Lines, " "), Ct);
        var after = Ok(await compliance.RequirementsAsync(november, null, Ct));

        Assert.Equal(("W-01", "curator Ivanova"), (Assert.IsType<Outcome<OverrideView>.Created>(confirmed).Value.Rule, ((Outcome<OverrideView>.Created)confirmed).Value.By));
        Assert.Equal("override.block", Assert.Single(Assert.IsType<Outcome<OverrideView>.Invalid>(block).Violations).Code);
        Assert.Equal("override.requirement", Assert.Single(Assert.IsType<Outcome<OverrideView>.Invalid>(unknown).Violations).Code);
        Assert.Equal("override.reason", Assert.Single(Assert.IsType<Outcome<OverrideView>.Invalid>(noReason).Violations).Code);
        var w01 = after.Requirements.Single(r => r.Rule == "W-01");
        Assert.Equal(("missing", "curator Ivanova"), (w01.Status, w01.Override?.By));
        Assert.Single(Ok(await compliance.OverridesAsync(november, Ct)));
        await using var db = TestDatabase.Open(database.Options);
        var entry = await db.LedgerEntries.OrderByDescending(e => e.Sequence).FirstAsync(Ct);
        Assert.Equal((nameof(WarningOverride), "curator Ivanova"), (entry.EntityType, entry.Actor));
        Assert.Contains("Heated hold", entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cleared_transfer_is_stopped_at_dispatch_when_its_export_permit_has_run_out_by_the_dispatch_date()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await TwoZoosAndALionAsync(database);
        await using var services = database.Services();
        await using var scope = services.Scope();
        var transfers = scope.ServiceProvider.GetRequiredService<TransferCommands>();
        var documents = scope.ServiceProvider.GetRequiredService<TransferDocuments>();
        var transfer = Ok(await transfers.CreateAsync(new TransferInput { Sender = "MOSCOW", Receiver = "PYONGYANG", Terms = "gift", Submit = true, Lines = [new("MOS-1")] }, Ct));
        Ok(await transfers.AcceptAsync(transfer.Id, null, Ct));
        // Comparable documentation, then an export permit issued 2026-05-29: usable until 2026-11-29, the day of clearance.
        foreach (var (type, state, issued) in new[] { ("comparable-documentation", "KP", new DateOnly(2026, 5, 1)), ("export-permit", "RU", new DateOnly(2026, 5, 29)), ("veterinary-certificate", "RU", new DateOnly(2026, 11, 26)) })
            Ok(await documents.RegisterAsync(transfer.Id, new DocumentInput { Type = type, Number = $"{state}-{type}", IssuingAuthority = state, IssuingState = state, IssuedOn = issued }, Ct));

        var cleared = Ok(await transfers.ClearAsync(transfer.Id, "papers in order", null, Ct));
        database.Time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));
        var late = await transfers.DispatchAsync(transfer.Id, new DispatchInput(new DateTime(2026, 11, 30, 6, 0, 0, DateTimeKind.Utc)), null, null, Ct);
        var inTime = await transfers.DispatchAsync(transfer.Id, new DispatchInput(new DateTime(2026, 11, 28, 6, 0, 0, DateTimeKind.Utc)), null, null, Ct);

        Assert.Equal(TransferStatus.Cleared, cleared.Status);
        var refused = Assert.IsType<Outcome<TransferView>.Invalid>(late);
        Assert.Contains(refused.Violations, v => v.Code == "compliance.C-50" && v.Message.Contains("dispatch", StringComparison.Ordinal));
        Assert.Equal(TransferStatus.Dispatched, Ok(inTime).Status);
    }

    [Fact]
    public async Task A_lion_of_recorded_African_origin_is_Appendix_II_and_no_longer_needs_the_importers_comparable_documentation()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var services = database.Services();
        await using var scope = services.Scope();
        var compliance = scope.ServiceProvider.GetRequiredService<TransferCompliance>();
        var specimens = scope.ServiceProvider.GetRequiredService<App.Specimens.SpecimenCommands>();
        var november = await TransferAsync(scope.ServiceProvider, TransferStatus.Accepted);
        var lion = Ok(await scope.ServiceProvider.GetRequiredService<TransferQueries>().GetAsync(november, Ct)).Lines.Single(l => l.Taxon.ScientificName == "Panthera leo");

        var invalid = await specimens.RecordOriginAsync(lion.Specimen.ToString(), new("A", "Africa"), null, Ct);
        var recorded = Ok(await specimens.RecordOriginAsync(lion.Specimen.ToString(), new("c", "za"), null, Ct));
        var after = Ok(await compliance.RequirementsAsync(november, new DateOnly(2024, 11, 20), Ct));

        Assert.Equal(["specimen.cites-source", "specimen.origin"], Assert.IsType<Outcome<App.Specimens.SpecimenView>.Invalid>(invalid).Violations.Select(v => v.Code));
        Assert.Equal(("C", "ZA"), (recorded.CitesSource, recorded.Origin));
        Assert.Equal(("listed", "II"), (after.Listings[lion.Number - 1].Outcome, after.Listings[lion.Number - 1].Appendix));
        Assert.DoesNotContain(after.Requirements, r => r.Rule == "C-61" && r.Lines.Contains(lion.Number));
        Assert.DoesNotContain(after.Requirements, r => r.Rule is "C-02" or "C-56" && r.Lines.Contains(lion.Number) && r.Status != "satisfied");
        Assert.Contains(after.Requirements, r => r.Rule == "C-61" && r.Status == "missing"); // the bears' lineage is still not recorded
    }
}
