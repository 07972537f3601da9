using Menagerie.App.Compliance;
using Menagerie.App.Persistence;
using Menagerie.Domain.Transfers;
using Menagerie.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Menagerie.App.Tests.Given;

namespace Menagerie.App.Tests.Compliance;

/// <summary>
/// The sample's reference transfers are the shipments of their files: the same animals, source codes, documents
/// and day, so that a person exploring the reference scenario gets one answer, whether from the transfer's
/// requirements or from <c>compliance check</c> of its file.
/// </summary>
public sealed class SampleTransferAgreementTests
{
    [Theory]
    [InlineData(TransferStatus.Received, "2024-04-moscow-pyongyang.json", "2024-04-25")]
    [InlineData(TransferStatus.Accepted, "2024-11-moscow-pyongyang.json", "2024-11-20")]
    public async Task Sample_transfer_and_its_shipment_file_give_the_same_verdict_and_blocks(TransferStatus status, string file, string day)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var services = database.Services();
        await using var scope = services.Scope();
        var transfer = await TransferAsync(scope.ServiceProvider, status);

        var fromTransfer = Ok(await scope.ServiceProvider.GetRequiredService<TransferCompliance>().RequirementsAsync(transfer, null, Ct));
        var fromFile = Ok(await scope.ServiceProvider.GetRequiredService<ShipmentChecks>().CheckAsync(
            await File.ReadAllBytesAsync(ShipmentFileTests.Sample(file), Ct), file, null, Ct));

        Assert.Equal((day, day), (fromTransfer.On, fromFile.On));
        Assert.Equal(fromFile.Verdict, fromTransfer.Verdict);
        Assert.Equal(Blocks(fromFile), Blocks(fromTransfer));
    }

    [Fact]
    public async Task November_2024_is_blocked_only_by_the_pheasants_and_the_lineage_of_the_lion_and_bears()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var services = database.Services();
        await using var scope = services.Scope();
        var november = await TransferAsync(scope.ServiceProvider, TransferStatus.Accepted);

        var requirements = Ok(await scope.ServiceProvider.GetRequiredService<TransferCompliance>().RequirementsAsync(november, null, Ct));

        Assert.Equal(["C-01 11", "C-61 1", "C-61 2", "C-61 3"], Blocks(requirements));
    }

    private static List<string> Blocks(ComplianceView view) =>
        [.. view.Requirements.Where(r => r.Severity == "block" && r.Status != "satisfied").Select(r => $"{r.Rule} {string.Join(",", r.Lines)}").Distinct().Order(StringComparer.Ordinal)];
}
