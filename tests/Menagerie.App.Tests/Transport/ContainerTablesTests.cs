using Menagerie.App.Accounts;
using Menagerie.App.Persistence;
using Menagerie.App.Transport;
using Menagerie.Domain.Transfers;
using Menagerie.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Menagerie.App.Tests.Given;

namespace Menagerie.App.Tests.Transport;

/// <summary>A licensed LAR container table uploaded by the administrator, kept in the records for every process on the database.</summary>
public sealed class ContainerTablesTests
{
    [Fact]
    public async Task An_uploaded_licensed_table_is_used_by_every_plan_from_then_on_in_any_process()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using (var services = database.Services())
        await using (var scope = services.Scope("admin"))
        {
            var uploaded = Assert.IsType<ContainerTableUploadResult.Uploaded>(
                await scope.ServiceProvider.GetRequiredService<ContainerTables>().UploadAsync(ContainerTableFiles.Licensed, "lar-51.csv", "IATA LAR 51st edition (licensed copy)", Ct)).Table;

            Assert.Equal("uploaded", uploaded.Origin);
            Assert.StartsWith("licensed table IATA LAR 51st edition (licensed copy); otherwise", uploaded.Edition, StringComparison.Ordinal);
            Assert.Equal((1, "lar-51.csv", "admin"), (uploaded.Uploaded!.Rows, uploaded.Uploaded.FileName, uploaded.Uploaded.UploadedBy));
            Assert.Equal(ContainerRequirementsFile.Embedded().Rows.Count, uploaded.Rows.Count);
            Assert.Equal("CR72", Assert.Single(uploaded.Rows, r => r.Licensed).Reference);
            Assert.Null(uploaded.Rows.Single(r => r.Group == "bears").Reference);
        }

        // Another process on the same database: a new set of services, as the command line is.
        await using var other = database.Services();
        await using var reader = other.Scope();
        var november = await TransferAsync(reader.ServiceProvider, TransferStatus.Accepted);
        var plan = Ok(await reader.ServiceProvider.GetRequiredService<TransportPlans>().PlanAsync(november, null, Ct));

        Assert.StartsWith("licensed table IATA LAR 51st edition (licensed copy)", plan.ContainerTable, StringComparison.Ordinal);
        var lion = plan.Crates.Single(c => c.Animals.Single().Taxon == "Panthera leo");
        Assert.Equal(("CR72", true), (lion.ContainerRequirement, lion.ContainerRequirementConfirmed));
        Assert.All(plan.Crates.Where(c => c.Group == "bears"), c => Assert.False(c.ContainerRequirementConfirmed));
        Assert.DoesNotContain(plan.Findings, f => f.Rule == "T-00" && f.Crates.Contains(lion.Crate));
    }

    [Fact]
    public async Task A_table_with_problems_is_refused_whole_with_every_line_and_column_and_only_an_administrator_uploads()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var services = database.Services();
        await using var scope = services.Scope("admin");
        var tables = scope.ServiceProvider.GetRequiredService<ContainerTables>();
        var entries = await database.LedgerEntriesAsync();

        var rejected = Assert.IsType<ContainerTableUploadResult.Rejected>(await tables.UploadAsync(ContainerTableFiles.Broken, "lar-51.csv", null, Ct));

        Assert.Equal([(2, "formula"), (3, "max_per_crate"), (4, "source")], rejected.Problems.Select(p => (p.Line, p.Field)));
        Assert.All(rejected.Problems, p => Assert.Equal("lar-51.csv", p.File));
        Assert.Contains("'huge' is not one of", rejected.Problems[0].Message, StringComparison.Ordinal);
        Assert.Equal(entries, await database.LedgerEntriesAsync());
        await using (var db = TestDatabase.Open(database.Options))
            Assert.Equal(0, await db.LicensedContainerTables.CountAsync(Ct));
        Assert.Equal("shipped", (await tables.InUseAsync(Ct)).Origin);

        await using var viewerScope = services.CreateAsyncScope();
        viewerScope.ServiceProvider.GetRequiredService<Access>().ActAs([Membership.AtInstitution(Guid.NewGuid(), Role.TransportCoordinator, new Domain.InstitutionId(Guid.NewGuid()))]);
        Assert.IsType<ContainerTableUploadResult.Forbidden>(await viewerScope.ServiceProvider.GetRequiredService<ContainerTables>().UploadAsync(ContainerTableFiles.Licensed, "lar-51.csv", null, Ct));
    }
}
