using System.Text.Json;
using Menagerie.App.Persistence;
using Menagerie.Testing;
using Microsoft.EntityFrameworkCore;

namespace Menagerie.Cli.Tests.Studbooks;

public sealed class StudbookImportCommandTests
{
    private const string Lions = "id,sire,dam,sex,alive\nEEP-PLE-1,,,M,0\nEEP-PLE-2,,,F,0\nEEP-PLE-3117,EEP-PLE-1,EEP-PLE-2,F,1\n";

    [Fact]
    public async Task Import_keeps_the_file_with_its_keeper_and_links_the_sample_lioness()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        using var folder = new StudbookFolder();
        var path = folder.Write("lions.csv", Lions);
        await CliRun.RunAsync(database.Options, "user", "add", "keeper@MOSCOW", "--role", "studbook-keeper@MOSCOW");

        var imported = await CliRun.RunAsync(database.Options, "studbook", "import", path, "--name", "Panthera leo, EEP", "--taxon", "Panthera leo",
            "--as", "keeper@MOSCOW", "--format", "json");

        Assert.True(imported.Exit == 0, imported.Error);
        var studbook = JsonDocument.Parse(imported.Output).RootElement.GetProperty("studbook");
        Assert.Equal(("keeper@MOSCOW", "lions.csv", 3), (studbook.GetProperty("keeper").GetString(), studbook.GetProperty("file").GetString(), studbook.GetProperty("rows").GetInt32()));
        Assert.Equal("EEP-PLE-3117", Assert.Single(studbook.GetProperty("linked").EnumerateArray()).GetProperty("individual").GetString());
    }

    [Fact]
    public async Task Import_of_a_file_with_errors_or_by_someone_not_a_keeper_exits_1_and_stores_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        using var folder = new StudbookFolder();
        var broken = folder.Write("broken.csv", "id,sire,dam,sex\n100,,,M\n100,,,F\n");
        var lions = folder.Write("lions.csv", Lions);
        await CliRun.RunAsync(database.Options, "user", "add", "keeper@MOSCOW", "--role", "studbook-keeper@MOSCOW");
        await CliRun.RunAsync(database.Options, "user", "add", "registrar@MOSCOW", "--role", "registrar@MOSCOW");

        var refused = await CliRun.RunAsync(database.Options, "studbook", "import", broken, "--name", "broken", "--as", "keeper@MOSCOW");
        var forbidden = await CliRun.RunAsync(database.Options, "studbook", "import", lions, "--name", "lions", "--as", "registrar@MOSCOW");

        Assert.Equal((1, 1), (refused.Exit, forbidden.Exit));
        Assert.StartsWith("broken.csv:3: 100: Id '100' is listed again (first at line 2).\n", refused.Error, StringComparison.Ordinal);
        Assert.Contains("registrar@MOSCOW is not one", forbidden.Error, StringComparison.Ordinal);
        await using var db = TestDatabase.Open(database.Options);
        Assert.Equal(0, await db.Studbooks.CountAsync(TestContext.Current.CancellationToken));
    }
}
