using System.Text;
using Menagerie.App.Files;
using Menagerie.App.Ledger;
using Menagerie.App.Persistence;
using Menagerie.App.Specimens;
using Menagerie.Domain.Specimens;
using Menagerie.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Menagerie.App.Tests.Given;

namespace Menagerie.App.Tests.Specimens;

/// <summary>Events for many animals at once, from rows or from a CSV file: all of them, or none.</summary>
public sealed class EventImportTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task RecordEvents_records_every_row_in_one_save_several_for_one_animal_in_order(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ThreeAnimalsAsync(database);
        var before = await database.LedgerEntriesAsync();
        await using var services = database.Services();
        await using var scope = services.Scope();
        var commands = scope.ServiceProvider.GetRequiredService<SpecimenCommands>();

        var imported = Ok(await commands.RecordEventsAsync(
        [
            new(2, "MOS-1", new EventInput { Type = "weight", Date = "2026-11-28", WeightKg = 126.4m }),
            new(3, "643000000000002", new EventInput { Type = "weight", Date = "2026-11-28", WeightKg = 171m }),
            new(4, "Laska", new EventInput { Type = "note", Date = "2026-11-28", Text = "weighed after the vet's visit" }),
            new(5, "POND-1", new EventInput { Type = "death", Date = "2026-11-28", Counts = "0.1.0" }),
        ], Ct));

        Assert.Equal((4, 3), (imported.Recorded, imported.Specimens));
        Assert.Equal([EventType.Weight, EventType.Weight, EventType.Note, EventType.Death], imported.Events.Select(e => e.Event.Type));
        Assert.Equal(imported.Events[0].Specimen, imported.Events[2].Specimen);
        Assert.True(imported.Events[0].Event.Sequence < imported.Events[2].Event.Sequence);
        var queries = scope.ServiceProvider.GetRequiredService<SpecimenQueries>();
        Assert.Equal("10.9.0", Ok(await queries.GetAsync("POND-1", Ct)).Counts);
        await using var check = TestDatabase.Open(database.Options);
        var entries = await check.LedgerEntries.Where(e => e.Sequence > before).Select(e => e.Reason).Distinct().ToListAsync(Ct);
        Assert.Equal(["4 events recorded"], entries);
        Assert.True((await new AuditVerifier(check).VerifyAsync(Ct)).Intact);
    }

    [Fact]
    public async Task RecordEvents_names_every_problem_under_its_row_and_writes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ThreeAnimalsAsync(database);
        var before = await database.LedgerEntriesAsync();
        await using var services = database.Services();
        await using var scope = services.Scope();
        var commands = scope.ServiceProvider.GetRequiredService<SpecimenCommands>();

        var outcome = await commands.RecordEventsAsync(
        [
            new(2, "MOS-1", new EventInput { Type = "weight", Date = "2026-11-28", WeightKg = 126.4m }),
            new(3, "NO-SUCH-LION", new EventInput { Type = "weight", Date = "2026-11-28", WeightKg = 80m }),
            new(4, "MOS-2", new EventInput { Type = "weight", Date = "2026-11-28" }),
            new(5, "MOS-1", new EventInput { Type = "note", Date = "2026-12-28", Text = "from the future" }),
            new(6, "MOS-2", new EventInput { Type = "acquisition", Date = "2026-11-28", Institution = "ATLANTIS", FromName = "wild" }),
            new(7, "POND-1", new EventInput { Type = "death", Date = "2026-11-28" }),
            new(8, "MOS-1", new EventInput { Type = "weight", Date = "2026-11-28", WeightKg = 126.4m, Counts = "1.0.0" }),
            new(9, " ", new EventInput { Type = "note", Date = "2026-11-28", Text = "whose?" }),
        ], Ct);

        var invalid = Assert.IsType<Outcome<ImportedEvents>.Invalid>(outcome);
        Assert.Equal(
            ["rows[1].specimen", "rows[2].weightKg", "rows[3].date", "rows[4].institution", "rows[5].counts", "rows[6].counts", "rows[7].specimen"],
            invalid.Violations.Select(v => v.Field));
        Assert.Equal(before, await database.LedgerEntriesAsync());

        // The first row passed and changed its animal in memory; a later save in the same scope must not carry it.
        Ok(await commands.RecordEventAsync("MOS-1", new EventInput { Type = "note", Date = "2026-11-29", Text = "after the refused batch" }, null, Ct));
        var history = Ok(await scope.ServiceProvider.GetRequiredService<SpecimenQueries>().HistoryAsync("MOS-1", Ct));
        Assert.DoesNotContain(history.Events, e => e.Type == EventType.Weight);
    }

    [Fact]
    public async Task RecordEvents_of_no_rows_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = database.Services();
        await using var scope = services.Scope();

        var outcome = await scope.ServiceProvider.GetRequiredService<SpecimenCommands>().RecordEventsAsync([], Ct);

        Assert.Equal("rows", Assert.Single(Assert.IsType<Outcome<ImportedEvents>.Invalid>(outcome).Violations).Field);
    }

    [Fact]
    public async Task ImportEvents_names_an_unreadable_cell_once_beside_the_rules_problems_of_every_row()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ThreeAnimalsAsync(database);
        var before = await database.LedgerEntriesAsync();

        var result = await ImportAsync(database, """
            Specimen,Type,Date,Weight_KG,Estimated,At,Supersedes
            MOS-1,weight,2026-11-28,"126,4",,,
            MOS-2,weight,2026-11-28,171,perhaps,,
            MOS-2,weight,2026-11-28,170.5,,half past ten,
            MOS-1,retraction,2026-11-28,,,,the last one
            NO-SUCH-LION,weight,2026-11-28,80,,,
            MOS-1,weight,2026-11-28,126.4,,,,,extra
            """);

        var rejected = Assert.IsType<EventImportResult.Rejected>(result);
        Assert.Equal(
            ["weights.csv:2: weight_kg", "weights.csv:3: estimated", "weights.csv:4: at", "weights.csv:5: supersedes", "weights.csv:6: specimen", "weights.csv:7: row"],
            rejected.Problems.Select(p => $"{p.File}:{p.Line}: {p.Field}"));
        Assert.Contains("'126,4' is not a number of kilograms", rejected.Problems[0].Message, StringComparison.Ordinal);
        Assert.Equal(before, await database.LedgerEntriesAsync());
    }

    [Theory]
    [InlineData("", "file", "The file is empty")]
    [InlineData("specimen,type,date\n", "file", "no events")]
    [InlineData("specimen,type\nMOS-1,note\n", "date", "is missing from the header")]
    [InlineData("specimen,type,date,kg\nMOS-1,weight,2026-11-28,12\n", "kg", "is not one this file may have")]
    [InlineData("specimen,type,date,text,TEXT\nMOS-1,note,2026-11-28,a,b\n", "TEXT", "appears twice")]
    [InlineData("specimen,type,date,text\nMOS-1,note,2026-11-28,\"open\n", "file", "closing quote")]
    [InlineData("specimen,type,date,text\nMOS-1,note,2026-11-28,a\0b\n", "file", "not CSV text")]
    public async Task ImportEvents_of_a_file_that_is_not_a_csv_of_events_is_unreadable(string content, string field, string message)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ThreeAnimalsAsync(database);

        var result = await ImportAsync(database, content);

        var problem = Assert.Single(Assert.IsType<EventImportResult.Unreadable>(result).Problems);
        Assert.Equal(field, problem.Field);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportEvents_of_bytes_that_are_not_utf8_is_unreadable()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = database.Services();
        await using var scope = services.Scope();
        await using var content = new MemoryStream([.. "specimen,type,date\nMOS-1,note,"u8, 0xFF, 0xFE, 0xC3, 0x28, .. "\n"u8]);

        var result = await scope.ServiceProvider.GetRequiredService<SpecimenCommands>().ImportEventsAsync(content, "photo.csv", Ct);

        Assert.Contains("not CSV text", Assert.Single(Assert.IsType<EventImportResult.Unreadable>(result).Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportEvents_counts_the_lines_of_quoted_cells_and_skips_blank_lines()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ThreeAnimalsAsync(database);

        var result = await ImportAsync(database, "specimen,type,date,text\r\nMOS-1,note,2026-11-28,\"first line\r\nsecond line\"\r\n\r\nMOS-2,note,2026-12-28,later\r\n");

        var problem = Assert.Single(Assert.IsType<EventImportResult.Rejected>(result).Problems);
        Assert.Equal((5, "date"), (problem.Line, problem.Field));
    }

    [Fact]
    public async Task ImportEvents_rolls_every_row_back_when_the_save_fails()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ThreeAnimalsAsync(database);
        await using (var db = TestDatabase.Open(database.Options))
        {
            await db.Database.ExecuteSqlRawAsync(
                """CREATE TRIGGER refuse_the_last BEFORE INSERT ON "SpecimenEvents" WHEN NEW."Text" = 'the last row' BEGIN SELECT RAISE(ABORT, 'refused'); END;""", Ct);
        }
        var before = await database.LedgerEntriesAsync();
        int events;
        await using (var db = TestDatabase.Open(database.Options))
            events = await db.SpecimenEvents.CountAsync(Ct);

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => ImportAsync(database, """
            specimen,type,date,weight_kg,text
            MOS-1,weight,2026-11-28,126.4,
            MOS-2,weight,2026-11-28,171,
            MOS-2,note,2026-11-28,,the last row
            """));

        Assert.Equal(before, await database.LedgerEntriesAsync());
        await using var check = TestDatabase.Open(database.Options);
        Assert.Equal(events, await check.SpecimenEvents.CountAsync(Ct));
        Assert.True((await new AuditVerifier(check).VerifyAsync(Ct)).Intact);
    }

    [Fact]
    public void EventFile_names_the_column_of_each_field()
    {
        Assert.Equal(["weight_kg", "from_name", "elbow_height_cm", "supersedes", "related"],
            new[] { "weightKg", "fromName", "elbowHeightCm", "supersedes", "related" }.Select(EventFile.ColumnOf));
        IReadOnlyList<EventRow> rows = [new(2, "A", new EventInput()), new(7, "B", new EventInput())];
        Assert.Equal(new InputProblem("f.csv", 7, "to_name", "m"), EventFile.Problem("f.csv", rows, new("c", "rows[1].toName", "m")));
        Assert.Equal(new InputProblem("f.csv", 0, "rows", "m"), EventFile.Problem("f.csv", rows, new("c", "rows", "m")));
    }

    private static async Task<EventImportResult> ImportAsync(TestDatabase database, string csv)
    {
        await using var services = database.Services();
        await using var scope = services.Scope();
        await using var content = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return await scope.ServiceProvider.GetRequiredService<SpecimenCommands>().ImportEventsAsync(content, "weights.csv", Ct);
    }

    /// <summary>Laska (MOS-1, born 2021), a male lion MOS-2 (transponder 643000000000002) and a group of 10.10.0 mandarin ducks, POND-1, all at MOSCOW.</summary>
    private static async Task ThreeAnimalsAsync(TestDatabase database)
    {
        await TwoZoosAndALionAsync(database);
        await using var services = database.Services();
        await using var scope = services.Scope();
        var commands = scope.ServiceProvider.GetRequiredService<SpecimenCommands>();
        Ok(await commands.CreateAsync(new SpecimenInput
        {
            Taxon = "Panthera leo",
            Sex = "male",
            First = new EventInput { Type = "birth", Date = "2022-04-02", Institution = "MOSCOW" },
            Identifiers = [new("local", "MOS-2"), new("transponder", "643000000000002")],
        }, Ct));
        Ok(await commands.CreateAsync(new SpecimenInput
        {
            Kind = "group",
            Taxon = "Aix galericulata",
            Identifiers = [new("local", "POND-1")],
            First = new EventInput { Type = "acquisition", Date = "2020-04-01", Institution = "MOSCOW", FromName = "private breeder", Counts = "10.10.0" },
        }, Ct));
    }
}
