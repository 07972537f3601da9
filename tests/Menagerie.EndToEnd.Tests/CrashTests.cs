using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Menagerie.App.Ledger;
using Menagerie.App.Persistence;
using Menagerie.Testing;
using Microsoft.EntityFrameworkCore;

namespace Menagerie.EndToEnd.Tests;

/// <summary>
/// The web app killed (SIGKILL) at random moments while four clients record notes on an animal, twenty times over
/// on one SQLite file: after each restart every note it acknowledged is there, and the ledger's chain verifies.
/// </summary>
public sealed partial class CrashTests
{
    private const int Kills = 20;
    private const string Animal = "EEP-PLE-3117";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task No_acknowledged_write_is_lost_when_the_web_app_is_killed()
    {
        var folder = Directory.CreateTempSubdirectory("menagerie-crash-").FullName;
        var file = Path.Combine(folder, "menagerie.db");
        var random = new Random(20261206);
        var (acknowledged, refused) = (new List<string>(), new List<string>());
        try
        {
            var (first, _) = await StartAsync(folder, loadSample: true);
            using (first)
            {
                first.Kill();
                await first.WaitForExitAsync(Ct);
            }
            await CliAsync(folder, "user", "add", "crash@MOSCOW", "--role", "registrar@MOSCOW");
            var token = TokenPattern().Match(await CliAsync(folder, "user", "token", "create", "crash@MOSCOW", "--name", "crash")).Value;

            for (var round = 0; round < Kills; round++)
            {
                var (process, address) = await StartAsync(folder, loadSample: false);
                using var killed = process;
                using var client = new HttpClient { BaseAddress = new Uri(address) };
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                // A first note, waited for, so that the kill falls among writes rather than in the server's warm-up.
                using (var warm = await client.PostAsJsonAsync($"/api/v1/specimens/{Animal}/events", Note($"round {round} first"), Ct))
                {
                    Assert.Equal(HttpStatusCode.Created, warm.StatusCode);
                    acknowledged.Add($"round {round} first");
                }
                using var stop = new CancellationTokenSource();
                var saved = new Counter();
                var writers = Enumerable.Range(0, 4).Select(w => WriteUntilKilledAsync(client, $"round {round} writer {w}", saved, stop.Token)).ToList();
                // On a slow machine a fixed delay can end before any writer is answered: the kill waits for two acknowledged notes.
                for (var waited = 0; saved.Value < 2 && waited < 30_000; waited += 20)
                    await Task.Delay(20, Ct);
                await Task.Delay(random.Next(0, 1000), Ct);
                process.Kill();
                await process.WaitForExitAsync(Ct);
                await stop.CancelAsync();
                foreach (var written in await Task.WhenAll(writers))
                {
                    acknowledged.AddRange(written.Acknowledged);
                    refused.AddRange(written.Refused);
                }

                await using var db = TestDatabase.Open(DatabaseOptions.Sqlite(file));
                var report = await new AuditVerifier(db).VerifyAsync(Ct);
                Assert.True(report.Intact, $"After kill {round + 1}: {report.Problem}");
                var kept = (await db.SpecimenEvents.AsNoTracking().Where(e => e.Text != null && e.Text.StartsWith("round ")).Select(e => e.Text!).ToListAsync(Ct)).ToHashSet(StringComparer.Ordinal);
                var lost = acknowledged.Where(a => !kept.Contains(a)).ToList();
                Assert.True(lost.Count == 0, $"After kill {round + 1}, {lost.Count} acknowledged notes are missing: {string.Join(", ", lost.Take(5))}");
                Assert.DoesNotContain(refused, kept.Contains);
            }
            Assert.True(acknowledged.Count > 2 * Kills, $"Only {acknowledged.Count} notes were acknowledged in {Kills} rounds: the kills did not fall among writes.");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Notes posted one after another until the server dies; the texts of those answered 201, and of those answered 409.</summary>
    private static async Task<(List<string> Acknowledged, List<string> Refused)> WriteUntilKilledAsync(HttpClient client, string writer, Counter saved, CancellationToken stop)
    {
        var (acknowledged, refused) = (new List<string>(), new List<string>());
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var text = $"{writer} note {n}";
            try
            {
                using var response = await client.PostAsJsonAsync($"/api/v1/specimens/{Animal}/events", Note(text), stop);
                // Writers racing on one animal: one of them is told 409 and must find nothing of it kept.
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    acknowledged.Add(text);
                    saved.Increment();
                }
                else if (response.StatusCode == HttpStatusCode.Conflict)
                    refused.Add(text);
                else
                    Assert.Fail($"{text}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(stop)}");
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                // The server died under this request: neither acknowledged nor refused.
                break;
            }
        }
        return (acknowledged, refused);
    }

    /// <summary>Notes acknowledged in a round, counted by every writer at once.</summary>
    private sealed class Counter
    {
        private int _value;

        public int Value => Volatile.Read(ref _value);

        public void Increment() => Interlocked.Increment(ref _value);
    }

    private static object Note(string text) => new { type = "note", date = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(-1)), text };

    private static async Task<(Process Process, string Address)> StartAsync(string folder, bool loadSample)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(Repository.Root, "artifacts", "bin", "Menagerie.Web", "debug", "Menagerie.Web.dll")])
        {
            WorkingDirectory = folder,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Urls"] = "http://127.0.0.1:0",
                ["Menagerie__Sample__Load"] = loadSample ? "true" : "false",
                ["Logging__LogLevel__Default"] = "Information",
            },
        };
        var process = Process.Start(start)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        var seen = new List<string>();
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            seen.Add(line);
            if (Listening().Match(line) is { Success: true } match)
            {
                // The rest of the log is drained so that the server never blocks on a full pipe.
                _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                _ = process.StandardError.ReadToEndAsync(CancellationToken.None);
                return (process, match.Groups["address"].Value);
            }
        }
        throw new InvalidOperationException("The web app stopped before it listened:\n" + string.Join('\n', seen) + await process.StandardError.ReadToEndAsync(Ct));
    }

    private static async Task<string> CliAsync(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(Repository.Root, "artifacts", "bin", "Menagerie.Cli", "debug", "menagerie.dll"), .. arguments, "--database", Path.Combine(folder, "menagerie.db")])
        {
            WorkingDirectory = folder,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(Ct);
        var errors = await process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        Assert.True(process.ExitCode == 0, $"menagerie {string.Join(' ', arguments)}: exit {process.ExitCode}\n{output}{errors}");
        return output;
    }

    [GeneratedRegex(@"Now listening on: (?<address>http://\S+)", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Listening();

    [GeneratedRegex(@"mng_[A-Za-z0-9_-]+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TokenPattern();
}
