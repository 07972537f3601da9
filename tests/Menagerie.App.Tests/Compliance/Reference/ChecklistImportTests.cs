using Menagerie.App.Compliance.Reference;
using Menagerie.App.Persistence;
using Menagerie.Domain.Compliance;
using Menagerie.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Menagerie.App.Tests.Given;

namespace Menagerie.App.Tests.Compliance.Reference;

public sealed class ChecklistImportTests
{
    private static readonly string[] SampleTaxa =
        ["Panthera leo", "Ursus arctos", "Bos grunniens", "Cacatua alba", "Aix galericulata", "Aquila chrysaetos", "Grus japonensis", "Ara ararauna", "Phasianidae", "Chrysolophus pictus", "Psittaciformes", "Felis concolor"];

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_new_database_holds_the_shipped_checklist_recorded_as_one_ledger_entry(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = TestDatabase.Open(database.Options);

        var edition = await db.ChecklistEditions.SingleAsync(Ct);
        var embedded = ReferenceData.Embedded();
        Assert.Equal((1, ChecklistSnapshot.Source, new DateOnly(2013, 11, 30), null), (edition.Number, edition.Source, edition.AsOf, edition.Replaced));
        Assert.Equal((embedded.TaxonCount, embedded.ListingCount), (edition.Names, edition.Listings));
        Assert.Equal((edition.Names, edition.Listings), (await db.ChecklistNames.CountAsync(Ct), await db.ChecklistListings.CountAsync(Ct)));
        Assert.Equal(ReferenceData.Tables().Corrections.Count, edition.Corrections);
        var ledger = await db.LedgerEntries.ToListAsync(Ct);
        var entry = Assert.Single(ledger);
        Assert.Equal(("ChecklistEdition", "added", "1"), (entry.EntityType, entry.Action, entry.EntityId));
        Assert.Contains(edition.Digest, entry.After, StringComparison.Ordinal);

        var stored = await ReferenceData.LoadAsync(db, Ct);
        Assert.Equal((embedded.Source, embedded.AsOf, embedded.TaxonCount, embedded.ListingCount), (stored.Source, stored.AsOf, stored.TaxonCount, stored.ListingCount));
        foreach (var name in SampleTaxa)
        {
            Assert.Equal(embedded.Taxon(name), stored.Taxon(name));
            Assert.Equal(embedded.FirstListed(name), stored.FirstListed(name));
            Assert.Equal(embedded.ListingsOf(name).Select(Describe), stored.ListingsOf(name).Select(Describe));
        }
        Assert.Equal(embedded.Domesticated("Bos grunniens"), stored.Domesticated("Bos grunniens"));
        Assert.Equal(embedded.Party("RU"), stored.Party("RU"));
        Assert.Equal("Zoo", stored.PurposeCodes['Z']);
    }

    [Fact]
    public async Task The_ledger_chain_goes_on_after_the_seed_in_the_same_context()
    {
        // The sample template is migrated, seeded and loaded through one context.
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var services = database.Services();
        await using var scope = services.Scope();

        var report = await scope.ServiceProvider.GetRequiredService<Menagerie.App.Ledger.AuditVerifier>().VerifyAsync(Ct);

        Assert.True(report.Intact, report.Problem);
        await using var db = TestDatabase.Open(database.Options);
        Assert.Equal("ChecklistEdition", (await db.LedgerEntries.SingleAsync(e => e.Sequence == 1, Ct)).EntityType);
        Assert.True(report.EntriesChecked > 100);
    }

    [Fact]
    public async Task Party_status_in_the_records_wins_when_it_is_as_recent()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await TwoZoosAndALionAsync(database);
        await using var db = TestDatabase.Open(database.Options);

        var checklist = await ReferenceData.LoadAsync(db, Ct);

        Assert.Equal(("DPRK", "CITES list of Parties"), (checklist.Party("KP")!.Name, checklist.Party("KP")!.Source));
        Assert.Equal("Republic of Korea", checklist.Party("KR")!.Name);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Importing_an_export_replaces_every_listing_in_one_ledger_entry(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.Services();
        var before = await LedgerCountAsync(database);

        ChecklistImportResult result;
        await using (var scope = services.Scope(actor: "admin@MOSCOW"))
            result = await scope.ServiceProvider.GetRequiredService<ChecklistImport>().ImportAsync(ChecklistExportTests.Fixture("checklist-export.csv"), new DateOnly(2026, 11, 1), null, Ct);

        var edition = Assert.IsType<ChecklistImportResult.Imported>(result).Edition;
        Assert.Equal((2, "checklist-export.csv", new DateOnly(2026, 11, 1), "admin@MOSCOW", 0), (edition.Number, edition.Source, edition.AsOf, edition.ImportedBy, edition.Corrections));
        Assert.StartsWith($"edition 1: {ChecklistSnapshot.Source}, as of 2013-11-30", edition.Replaced, StringComparison.Ordinal);
        await using var db = TestDatabase.Open(database.Options);
        Assert.Equal(before + 1, await db.LedgerEntries.CountAsync(Ct));
        var entry = await db.LedgerEntries.OrderBy(e => e.Sequence).LastAsync(Ct);
        Assert.Equal(("ChecklistEdition", "added", "admin@MOSCOW"), (entry.EntityType, entry.Action, entry.Actor));
        Assert.Equal("CITES checklist edition 2 imported (checklist-export.csv, as of 2026-11-01), replacing edition 1", entry.Reason);
        Assert.Equal([2], await db.ChecklistNames.Select(n => n.Edition).Distinct().ToListAsync(Ct));
        Assert.Equal([2], await db.ChecklistListings.Select(n => n.Edition).Distinct().ToListAsync(Ct));

        var checklist = await ReferenceData.LoadAsync(db, Ct);
        Assert.Equal(("checklist-export.csv", new DateOnly(2026, 11, 1)), (checklist.Source, checklist.AsOf));
        Assert.Equal(["IN"], checklist.ListingsOf("Panthera leo").Single(l => l.Appendix == Appendix.I).Populations);
        Assert.All(checklist.ListingsOf("Panthera leo"), l => Assert.Equal("checklist-export.csv", l.Source));
        Assert.Empty(checklist.ListingsOf("Grus japonensis"));
        Assert.Equal(Appendix.NotListed, Assert.Single(checklist.ListingsOf("Melopsittacus undulatus")).Appendix);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_bad_export_is_refused_whole_and_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.Services();
        var before = await LedgerCountAsync(database);

        ChecklistImportResult result;
        await using (var scope = services.Scope())
            result = await scope.ServiceProvider.GetRequiredService<ChecklistImport>().ImportAsync(ChecklistExportTests.Fixture("bad-checklist-export.csv"), new DateOnly(2026, 11, 1), null, Ct);

        Assert.Equal(7, Assert.IsType<ChecklistImportResult.Rejected>(result).Problems.Count);
        await using var db = TestDatabase.Open(database.Options);
        Assert.Equal(before, await db.LedgerEntries.CountAsync(Ct));
        Assert.Equal(1, (await db.ChecklistEditions.SingleAsync(Ct)).Number);
        Assert.Equal((await db.ChecklistEditions.SingleAsync(Ct)).Names, await db.ChecklistNames.CountAsync(Ct));
    }

    [Fact]
    public async Task An_export_needs_its_as_of_date_and_a_folder_in_the_snapshot_layout_does_not()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = database.Services();
        await using var scope = services.Scope();
        var import = scope.ServiceProvider.GetRequiredService<ChecklistImport>();

        var undated = await import.ImportAsync(ChecklistExportTests.Fixture("checklist-export.csv"), null, null, Ct);
        var missing = await import.ImportAsync(Path.Combine(AppContext.BaseDirectory, "no-such-checklist.csv"), new DateOnly(2026, 11, 1), null, Ct);
        var folder = await import.ImportAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "Checklist", "snapshot"), null, "a small snapshot", Ct);

        Assert.Equal("--as-of", Assert.Single(Assert.IsType<ChecklistImportResult.Rejected>(undated).Problems).Field);
        Assert.Equal("path", Assert.Single(Assert.IsType<ChecklistImportResult.Rejected>(missing).Problems).Field);
        var edition = Assert.IsType<ChecklistImportResult.Imported>(folder).Edition;
        Assert.Equal(("a small snapshot", ChecklistSnapshot.AsOf, ReferenceData.Tables().Corrections.Count), (edition.Source, edition.AsOf, edition.Corrections));
        var checklist = await ReferenceData.LoadAsync(TestDatabase.Open(database.Options), Ct);
        Assert.Equal("Ursus thibetanus", checklist.Taxon("Selenarctos thibetanus")?.AcceptedName);
        Assert.Equal(Appendix.I, Assert.Single(checklist.ListingsOf("Ursus thibetanus")).Appendix);
        Assert.Contains("VERIFY", checklist.ListingsOf("Ursus arctos")[0].Source, StringComparison.Ordinal);
    }

    private static string Describe(CitesListing l) =>
        $"{l.Taxon}|{l.Appendix}|{l.EffectiveFrom}|{l.ListingParty}|{string.Join(',', l.Populations)}|{string.Join(',', l.ExcludedPopulations)}|" +
        $"{string.Join(';', l.ExcludedTaxa)}|{l.ExcludesDomesticated}|{l.Annotation}|{l.Source}|{l.AsOf}";

    private static async Task<int> LedgerCountAsync(TestDatabase database)
    {
        await using var db = TestDatabase.Open(database.Options);
        return await db.LedgerEntries.CountAsync(Ct);
    }
}
