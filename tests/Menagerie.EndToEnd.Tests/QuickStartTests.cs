using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Menagerie.Testing;

namespace Menagerie.EndToEnd.Tests;

/// <summary>The web app started as the README's quick start starts it: `dotnet run`, Production, from another folder.</summary>
public sealed partial class QuickStartTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Dotnet_run_from_another_folder_reads_its_settings_and_serves_the_stylesheet_compressed_and_whole()
    {
        var folder = Directory.CreateTempSubdirectory("menagerie-quick-start-").FullName;
        var start = new ProcessStartInfo("dotnet", ["run", "--no-build", "--project", Path.Combine(Repository.Root, "src", "Menagerie.Web")])
        {
            WorkingDirectory = folder,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["DOTNET_ENVIRONMENT"] = "Production",
                ["Urls"] = "http://127.0.0.1:0",
            },
        };
        using var process = Process.Start(start)!;
        try
        {
            var (address, log) = await ListeningAddressAsync(process);
            using var client = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.All }) { BaseAddress = new Uri(address) };
            client.DefaultRequestHeaders.AcceptEncoding.ParseAdd("gzip, br");

            var home = await client.GetStringAsync("/", Ct);
            var stylesheet = StylesheetLink().Match(home).Groups["href"].Value;
            var css = await client.GetAsync(stylesheet, Ct);
            var text = await css.Content.ReadAsStringAsync(Ct);

            Assert.Equal(HttpStatusCode.OK, css.StatusCode);
            Assert.Contains("header.top", text, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(folder, "menagerie.db")), "The database belongs in the folder the app was started from.");
            // Only its appsettings.json asks for the sample; and not one SQL statement in a log at its usual level.
            Assert.Contains(log, l => l.Contains("Sample collection loaded", StringComparison.Ordinal));
            Assert.DoesNotContain(log, l => l.Contains("Executed DbCommand", StringComparison.Ordinal));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(Ct);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(string Address, List<string> Log)> ListeningAddressAsync(Process process)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        var seen = new List<string>();
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            seen.Add(line);
            if (Listening().Match(line) is { Success: true } match)
                return (match.Groups["address"].Value, seen);
        }
        throw new InvalidOperationException("The web app stopped before it listened:\n" + string.Join('\n', seen) + await process.StandardError.ReadToEndAsync(Ct));
    }

    [GeneratedRegex(@"Now listening on: (?<address>http://\S+)", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Listening();

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"(?<href>[^\"]+)\"", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex StylesheetLink();
}
