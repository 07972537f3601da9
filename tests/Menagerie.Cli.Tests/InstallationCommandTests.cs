using System.Text.Json;
using Menagerie.App.Persistence;
using Menagerie.Domain.Transfers;
using Menagerie.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Menagerie.Cli.Tests;

/// <summary>Two installations on the command line: Berlin's (the sample, its loan to Prague dispatched) and Prague's, empty.</summary>
public sealed class InstallationCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Key_show_trust_export_and_import_carry_a_transfer_to_the_partner_installation()
    {
        await using var berlin = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var prague = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var folder = Directory.CreateTempSubdirectory("menagerie-package-").FullName;
        try
        {
            var table = await RunAsync(berlin, "berlin-zoo", "installation", "key", "show");
            var json = await RunAsync(berlin, "berlin-zoo", "installation", "key", "show", "--format", "json");
            var key = JsonDocument.Parse(json.Output).RootElement;
            var publicKey = key.GetProperty("publicKey").GetString()!;
            var trust = await RunAsync(prague, "prague-zoo", "installation", "trust", "berlin-zoo", publicKey);
            var transfer = await DispatchedAsync(berlin);
            var file = Path.Combine(folder, "loan.json");
            var export = await RunAsync(berlin, "berlin-zoo", "transfer", "export", transfer.ToString(), "--output", file);
            var import = await RunAsync(prague, "prague-zoo", "transfer", "import", file);
            var again = await RunAsync(prague, "prague-zoo", "transfer", "import", file);

            Assert.True(import.Exit == 0, import.Error);
            Assert.Equal((0, 0, 0, 0, 0), (table.Exit, json.Exit, trust.Exit, export.Exit, import.Exit));
            Assert.Contains($"menagerie installation trust berlin-zoo {publicKey}", table.Output, StringComparison.Ordinal);
            Assert.Equal("berlin-zoo", key.GetProperty("name").GetString());
            Assert.Contains("Installation berlin-zoo is trusted", trust.Output, StringComparison.Ordinal);
            Assert.Contains($"written to {file}", export.Output, StringComparison.Ordinal);
            Assert.Contains("imported from installation berlin-zoo", import.Output, StringComparison.Ordinal);
            Assert.Contains($"menagerie transfer receive {transfer}", import.Output, StringComparison.Ordinal);
            Assert.Equal(1, again.Exit);
            Assert.Contains("already in these records", again.Error, StringComparison.Ordinal);
            await using var db = TestDatabase.Open(prague.Options);
            Assert.Equal(TransferStatus.Dispatched, (await db.Transfers.SingleAsync(Ct)).Status);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_refused_package_exits_1_with_the_reason_and_an_unreadable_file_exits_2()
    {
        await using var berlin = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var prague = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var folder = Directory.CreateTempSubdirectory("menagerie-package-").FullName;
        try
        {
            var file = Path.Combine(folder, "loan.json");
            await RunAsync(berlin, "berlin-zoo", "transfer", "export", (await DispatchedAsync(berlin)).ToString(), "--output", file);
            var bytes = await File.ReadAllBytesAsync(file, Ct);
            bytes[bytes.Length / 2] ^= 0x01;
            var tampered = Path.Combine(folder, "tampered.json");
            await File.WriteAllBytesAsync(tampered, bytes, Ct);

            var untrusted = await RunAsync(prague, "prague-zoo", "transfer", "import", file);
            var key = JsonDocument.Parse((await RunAsync(berlin, "berlin-zoo", "installation", "key", "show", "--format", "json")).Output).RootElement.GetProperty("publicKey").GetString()!;
            await RunAsync(prague, "prague-zoo", "installation", "trust", "berlin-zoo", key);
            var changed = await RunAsync(prague, "prague-zoo", "transfer", "import", tampered);
            var missing = await RunAsync(prague, "prague-zoo", "transfer", "import", Path.Combine(folder, "absent.json"));
            var badKey = await RunAsync(prague, "prague-zoo", "installation", "trust", "berlin-zoo", "bm90IGEga2V5");
            var notDispatched = await RunAsync(berlin, "berlin-zoo", "transfer", "export", (await TransferAsync(berlin, TransferStatus.Accepted)).ToString(), "--output", Path.Combine(folder, "no.json"));

            Assert.Equal(1, untrusted.Exit);
            Assert.Contains("menagerie installation trust berlin-zoo <public-key>", untrusted.Error, StringComparison.Ordinal);
            Assert.Equal(1, changed.Exit);
            Assert.Contains("nothing was imported", changed.Error, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(2, missing.Exit);
            Assert.Contains("Cannot read", missing.Error, StringComparison.Ordinal);
            Assert.Equal(1, badKey.Exit);
            Assert.Contains("publicKey:", badKey.Error, StringComparison.Ordinal);
            Assert.Equal(1, notDispatched.Exit);
            Assert.Contains("Only a dispatched transfer can be exported", notDispatched.Error, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(folder, "no.json")));
            await using var db = TestDatabase.Open(prague.Options);
            Assert.Empty(await db.Transfers.ToListAsync(Ct));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Runs the command line with this installation's name configured.</summary>
    private static async Task<CliRun> RunAsync(TestDatabase database, string installation, params string[] args)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["ConnectionStrings:Menagerie"] = database.Options.ConnectionString,
            ["Menagerie:Database:Provider"] = database.Options.Provider.ToString(),
            ["Menagerie:Installation:Name"] = installation,
        }).Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await MenagerieCli.RunAsync(args, configuration, output, error, Ct);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    private static Task<Guid> DispatchedAsync(TestDatabase database) => TransferAsync(database, TransferStatus.Dispatched);

    private static async Task<Guid> TransferAsync(TestDatabase database, TransferStatus status)
    {
        await using var db = TestDatabase.Open(database.Options);
        return (await db.Transfers.FirstAsync(t => t.Status == status, Ct)).Id.Value;
    }
}
