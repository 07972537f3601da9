using System.Net;
using System.Net.Http.Headers;
using Menagerie.App.Persistence;
using Menagerie.Testing;

namespace Menagerie.Web.Tests;

/// <summary>The administrator imports a CITES Checklist export from the browser; the import runs in the background.</summary>
public sealed class ChecklistImportPageTests
{
    private static readonly string Exports = Path.Combine(Repository.Root, "tests", "Shared", "Checklist", "export");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_export_is_imported_in_the_background_and_becomes_the_checklist_in_use()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        await PageForms.SampleUsersAsync(factory);
        using var admin = await PageForms.SignedInAsync(factory, "admin");

        using var started = await ImportAsync(admin, "checklist-export.csv", "2026-11-01", "CITES Checklist export, 1 November 2026");
        var result = await UntilDoneAsync(admin, started.Headers.Location.PathAndQuery()!);
        var checklist = WebUtility.HtmlDecode(await admin.GetStringAsync("/checklist", Ct));

        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.Contains("Edition 2 is in use", result, StringComparison.Ordinal);
        Assert.Contains("CITES Checklist export, 1 November 2026", checklist, StringComparison.Ordinal);
        Assert.Contains("01/11/2026", checklist, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_export_is_refused_whole_with_every_problem_and_the_checklist_stays()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        await PageForms.SampleUsersAsync(factory);
        using var admin = await PageForms.SignedInAsync(factory, "admin");
        using var registrar = await PageForms.SignedInAsync(factory, "registrar@MOSCOW");

        using var bad = await ImportAsync(admin, "bad-checklist-export.csv", "2026-11-01", null);
        var result = await UntilDoneAsync(admin, bad.Headers.Location.PathAndQuery()!);
        using var undated = await ImportAsync(admin, "checklist-export.csv", "", null);
        var form = WebUtility.HtmlDecode(await undated.Content.ReadAsStringAsync(Ct));
        using var byRegistrar = await ImportAsync(registrar, "checklist-export.csv", "2026-11-01", null, tokenPage: "/account");
        using var theirRun = await registrar.GetAsync(bad.Headers.Location.PathAndQuery(), Ct);
        var checklist = WebUtility.HtmlDecode(await admin.GetStringAsync("/checklist", Ct));

        Assert.Contains("Nothing was changed", result, StringComparison.Ordinal);
        Assert.Contains("bad-checklist-export.csv:3: Listing</code>: 'IV' is not a listing", result, StringComparison.Ordinal);
        Assert.Contains("bad-checklist-export.csv:7: Scientific Name</code>: Ursus arctos is also on line 2.", result, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, undated.StatusCode);
        Assert.Contains("id=\"problem-asof\"", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, byRegistrar.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, theirRun.StatusCode);
        Assert.Contains("<dt>Edition</dt><dd>1</dd>", checklist, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, string file, string asOf, string? source, string tokenPage = "/admin/checklist")
    {
        // A person refused the page sends the form with the token of a page they may open.
        var token = PageForms.Token(await client.GetStringAsync(tokenPage, Ct));
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(Exports, file), Ct)) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "Export", file },
            { new StringContent(asOf), "AsOf" },
            { new StringContent(source ?? ""), "Source" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        return await client.PostAsync("/admin/checklist", form, Ct);
    }

    private static async Task<string> UntilDoneAsync(HttpClient client, string run)
    {
        for (var wait = 0; wait < 600; wait++)
        {
            var page = WebUtility.HtmlDecode(await client.GetStringAsync(run, Ct));
            if (page.Contains("id=\"result\"", StringComparison.Ordinal))
                return page;
            await Task.Delay(100, Ct);
        }
        throw new TimeoutException($"The import {run} did not end within a minute.");
    }
}
