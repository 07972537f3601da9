using System.Text;
using Menagerie.App.Accounts;
using Menagerie.App.Compliance.Reference;
using Menagerie.App.Ledger;
using Menagerie.App.Persistence;
using Menagerie.Domain.Compliance;
using Menagerie.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Menagerie.App.Tests.Given;

namespace Menagerie.App.Tests.Compliance.Reference;

/// <summary>
/// Rule C-23 from a zoo's own Species+ downloads. The test files are made in the Species+ layout from the CITES
/// Secretariat's table of current suspensions (12/09/2024), Notification 2023/034 and the Species+ API's example
/// (Somalia); the quotas are invented.
/// </summary>
public sealed class TradeMeasureImportTests
{
    private const string SuspensionsName = "citessuspensions_01122026-093000_comma_separated.csv";

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "Checklist", "species-plus", name));

    private static readonly string Suspensions = Fixture(SuspensionsName);

    private static readonly string Quotas = Fixture("quotas.csv");

    private static readonly DateTimeOffset Today = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);

    private static MemoryStream Text(string csv) => new(Encoding.UTF8.GetBytes(csv));

    private static async Task<TradeMeasureImportResult> ImportAsync(ServiceProvider services, TradeMeasureKind kind, string name, string csv, DateOnly? asOf = null)
    {
        await using var scope = services.Scope("test administrator");
        return await scope.ServiceProvider.GetRequiredService<TradeMeasureImport>().ImportAsync(kind, name, Text(csv), asOf, Ct);
    }

    private static TradeMeasureImportResult.Imported Imported(TradeMeasureImportResult result) => result switch
    {
        TradeMeasureImportResult.Imported imported => imported,
        TradeMeasureImportResult.Rejected rejected => throw new Xunit.Sdk.XunitException("Refused: " + string.Join("; ", rejected.Problems)),
        _ => throw new Xunit.Sdk.XunitException(result.ToString()),
    };

    private static Shipment From(string exporter, string taxon, char source = 'W') => new()
    {
        Reference = "C-23",
        Exporter = exporter,
        Importer = "DE",
        Date = new DateOnly(2026, 12, 1),
        Lines = [new ShipmentLine { Number = 1, Taxon = taxon, Count = 1, Source = source }],
    };

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_suspensions_download_is_imported_whole_applied_by_C23_and_replaced_by_the_next_in_the_ledger(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        database.Time.SetUtcNow(Today);
        await using var services = database.Services();

        var imported = Imported(await ImportAsync(services, TradeMeasureKind.Suspensions, SuspensionsName, Suspensions));

        Assert.Equal((TradeMeasureKind.Suspensions, SuspensionsName, new DateOnly(2026, 12, 1), 8, 8, 0), (imported.List.Kind, imported.List.File, imported.List.AsOf, imported.List.Rows, imported.List.Current, imported.Replaced));
        await using (var db = TestDatabase.Open(database.Options))
        {
            var checklist = await ReferenceData.LoadAsync(db, Ct);
            var block = Assert.Single(Rulebook.Check(From("BJ", "Kinixys homeana"), checklist, new DateOnly(2026, 12, 1)).Blocks, b => b.Rule == "C-23");
            Assert.Contains("CITES Notif. No. 2023/034", block.Message.ToString(), StringComparison.Ordinal);
            Assert.Contains($"{SuspensionsName}, line 6, downloaded 2026-12-01", block.Message.ToString(), StringComparison.Ordinal);
            Assert.Contains(Rulebook.Check(From("BD", "Cacatua alba", 'C'), checklist, new DateOnly(2026, 12, 1)).Blocks, b => b.Rule == "C-23");
            Assert.DoesNotContain(Rulebook.Check(From("BD", "Panthera leo", 'C'), checklist, new DateOnly(2026, 12, 1)).Requirements, r => r.Rule == "C-23");
            var gift = Assert.Single(Rulebook.Check(From("SO", "Panthera leo", 'C'), checklist, new DateOnly(2026, 12, 1)).Requirements, r => r.Rule == "C-23");
            Assert.Equal(Severity.Warn, gift.Severity);
            Assert.Equal(8, await db.LedgerEntries.CountAsync(e => e.EntityType == nameof(TradeSuspensionRecord) && e.Action == "added", Ct));
        }

        var next = Imported(await ImportAsync(
            services, TradeMeasureKind.Suspensions, "benin.csv", (Suspensions.Split('\n')[0] + "\n" + Suspensions.Split('\n')[5] + "\n").Replace(',', ';'), new DateOnly(2026, 12, 5)));

        Assert.Equal((1, 8), (next.List.Rows, next.Replaced));
        await using (var db = TestDatabase.Open(database.Options))
        {
            var row = await db.TradeSuspensions.SingleAsync(Ct);
            Assert.Equal((9, "BJ", "Kinixys homeana", "benin.csv", 2), (row.Number, row.State, row.Taxon, row.File, row.Line));
            Assert.Equal(8, await db.LedgerEntries.CountAsync(e => e.EntityType == nameof(TradeSuspensionRecord) && e.Action == "deleted", Ct));
        }
        await using var scope = services.Scope();
        var verified = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(Ct);
        Assert.True(verified.Intact, verified.Problem);
        Assert.Equal(0, verified.Records!.Differences);
    }

    [Fact]
    public async Task A_download_with_problems_is_refused_whole_with_every_problem_and_the_last_one_stays()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        database.Time.SetUtcNow(Today);
        await using var services = database.Services();
        Imported(await ImportAsync(services, TradeMeasureKind.Suspensions, SuspensionsName, Suspensions));
        const string Bad = """
            Kingdom,Phylum,Class,Order,Family,Genus,Species,Subspecies,Full Name,Rank,Remarks,start_date,start_notification,end_date,end_notification,party,notes,valid
            ,,,,,,,,,,,17/05/2013,CITES Notif. No. 2013/018,,,Atlantis,All trade.,true
            ,,,,,,,,,,,2013-17-05,CITES Notif. No. 2013/018,,,Afghanistan,All trade.,yes
            ,,,,,,,,Kinixys homeana,SPECIES,,23/03/2023,,01/01/2020,,Benin,,true
            ,,,,,,,,,SPECIES,,23/03/2027,CITES Notif. No. 2027/001,,,Benin,,true
            """;

        var refused = Assert.IsType<TradeMeasureImportResult.Rejected>(await ImportAsync(services, TradeMeasureKind.Suspensions, "bad.csv", Bad, new DateOnly(2026, 12, 1)));

        Assert.Equal(
            [
                ("bad.csv", 2, "party"), ("bad.csv", 3, "start_date"), ("bad.csv", 3, "valid"), ("bad.csv", 4, "start_notification"), ("bad.csv", 4, "end_date"),
                ("bad.csv", 5, "Full Name"), ("bad.csv", 5, "start_date"),
            ],
            refused.Problems.Select(p => (p.File, p.Line, p.Field)).OrderBy(p => p.Line).ToList());
        Assert.Contains(refused.Problems, p => p.Message == "'Atlantis' is not a state Menagerie knows by name (the CITES Parties and the checklist's countries).");
        await using var db = TestDatabase.Open(database.Options);
        Assert.Equal(8, await db.TradeSuspensions.CountAsync(Ct));
    }

    [Fact]
    public async Task Quotas_are_read_semicolon_separated_and_the_status_names_both_downloads()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        database.Time.SetUtcNow(Today);
        await using var services = database.Services();

        var quotas = Imported(await ImportAsync(services, TradeMeasureKind.Quotas, "quotas.csv", Quotas, new DateOnly(2026, 12, 2)));
        Imported(await ImportAsync(services, TradeMeasureKind.Suspensions, SuspensionsName, Suspensions));

        Assert.Equal((3, 3), (quotas.List.Rows, quotas.List.Current));
        await using var scope = services.Scope();
        var status = await scope.ServiceProvider.GetRequiredService<ListingLookup>().StatusAsync(Ct);
        Assert.Equal(("quotas.csv", new DateOnly(2026, 12, 2)), (status.Quotas!.File, status.Quotas.AsOf));
        Assert.Equal((SuspensionsName, 8), (status.Suspensions!.File, status.Suspensions.Rows));
        await using var db = TestDatabase.Open(database.Options);
        var checklist = await ReferenceData.LoadAsync(db, Ct);
        Assert.Contains(Rulebook.Check(From("GN", "Poicephalus senegalus"), checklist, new DateOnly(2026, 12, 1)).Blocks, b => b.Rule == "C-23");
        Assert.DoesNotContain(Rulebook.Check(From("GN", "Poicephalus senegalus", 'C'), checklist, new DateOnly(2026, 12, 1)).Requirements, r => r.Rule == "C-23");
        Assert.DoesNotContain(Rulebook.Check(From("NA", "Loxodonta africana"), checklist, new DateOnly(2026, 12, 1)).Requirements, r => r.Rule == "C-23");
        Assert.Equal(Severity.Info, Assert.Single(Rulebook.Check(From("TG", "Varanus exanthematicus", 'R'), checklist, new DateOnly(2026, 12, 1)).Requirements, r => r.Rule == "C-23").Severity);
    }

    [Fact]
    public async Task Only_an_administrator_imports_and_a_download_needs_its_date()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        database.Time.SetUtcNow(Today);
        await using var services = database.Services();
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Actor>().Name = "registrar";
            scope.ServiceProvider.GetRequiredService<Access>().ActAs([Membership.AtInstitution(Guid.NewGuid(), Role.Registrar, new(Guid.NewGuid()))]);
            var forbidden = await scope.ServiceProvider.GetRequiredService<TradeMeasureImport>().ImportAsync(TradeMeasureKind.Suspensions, SuspensionsName, Text(Suspensions), null, Ct);
            Assert.IsType<TradeMeasureImportResult.Forbidden>(forbidden);
        }

        var undated = Assert.IsType<TradeMeasureImportResult.Rejected>(await ImportAsync(services, TradeMeasureKind.Suspensions, "suspensions.csv", Suspensions));
        var future = Assert.IsType<TradeMeasureImportResult.Rejected>(await ImportAsync(services, TradeMeasureKind.Suspensions, "suspensions.csv", Suspensions, new DateOnly(2099, 1, 1)));

        Assert.Equal(("suspensions.csv", 0, "asOf"), (Assert.Single(undated.Problems).File, undated.Problems[0].Line, undated.Problems[0].Field));
        Assert.Equal("asOf", Assert.Single(future.Problems).Field);
        await using var db = TestDatabase.Open(database.Options);
        Assert.Equal(0, await db.TradeSuspensions.CountAsync(Ct));
    }
}
