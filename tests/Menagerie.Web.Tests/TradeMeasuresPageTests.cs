using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Menagerie.App.Accounts;
using Menagerie.App.Persistence;
using Menagerie.Testing;

namespace Menagerie.Web.Tests;

/// <summary>The administrator imports the zoo's Species+ downloads of trade suspensions and quotas, from the browser and through the API.</summary>
public sealed class TradeMeasuresPageTests
{
    private const string Suspensions = "citessuspensions_01122026-093000_comma_separated.csv";

    private static readonly string Downloads = Path.Combine(Repository.Root, "tests", "Shared", "Checklist", "species-plus");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_download_imported_from_the_page_shows_on_the_checklist_and_a_bad_one_comes_back_with_every_problem()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        database.Time.SetUtcNow(new DateTimeOffset(2026, 12, 6, 10, 0, 0, TimeSpan.Zero));
        await using var factory = new MenagerieFactory(database);
        await PageForms.SampleUsersAsync(factory);
        using var admin = await PageForms.SignedInAsync(factory, "admin");

        var empty = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/trade-measures", Ct));
        using var imported = await ImportAsync(admin, "Suspensions", Suspensions, await File.ReadAllBytesAsync(Path.Combine(Downloads, Suspensions), Ct), "");
        var done = WebUtility.HtmlDecode(await admin.GetStringAsync(imported.Headers.Location.PathAndQuery(), Ct));
        var bad = Encoding.UTF8.GetBytes(File.ReadLines(Path.Combine(Downloads, Suspensions)).First() + "\n,,,,,,,,,,,17/05/2013,CITES Notif. No. 2013/018,,,Atlantis,All trade.,maybe\n");
        using var refused = await ImportAsync(admin, "Suspensions", "bad.csv", bad, "2026-12-01");
        var form = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));
        var checklist = WebUtility.HtmlDecode(await admin.GetStringAsync("/checklist", Ct));

        Assert.Contains("None imported: rule C-23 knows of no suspension.", empty, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        Assert.Contains("The suspensions download is imported.", done, StringComparison.Ordinal);
        Assert.Contains($"8 from {Suspensions}, current to 01/12/2026; 8 in force today", done, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Nothing was saved. Please correct:", form, StringComparison.Ordinal);
        Assert.Contains("bad.csv:2: valid: 'maybe' is not true or false.", form, StringComparison.Ordinal);
        Assert.Contains("bad.csv:2: party: 'Atlantis' is not a state Menagerie knows by name", form, StringComparison.Ordinal);
        Assert.Contains("None imported: rule C-23 knows of no export quota.", form, StringComparison.Ordinal);
        Assert.Contains($"8 from {Suspensions}", checklist, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_takes_a_download_as_a_csv_body_from_an_administrator_only()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        database.Time.SetUtcNow(new DateTimeOffset(2026, 12, 6, 10, 0, 0, TimeSpan.Zero));
        await using var factory = new MenagerieFactory(database);
        using var admin = await factory.ClientAsAsync("api-admin", new MembershipInput(Role.Administrator));
        using var registrar = await factory.ClientAsSampleUserAsync("registrar@MOSCOW");
        var quotas = await File.ReadAllBytesAsync(Path.Combine(Downloads, "quotas.csv"), Ct);

        using var byRegistrar = await registrar.PostAsync("/api/v1/reference/quotas?asOf=2026-12-02", Csv(quotas), Ct);
        using var imported = await admin.PostAsync("/api/v1/reference/quotas?asOf=2026-12-02&fileName=quotas-2026.csv", Csv(quotas), Ct);
        using var undated = await admin.PostAsync("/api/v1/reference/quotas", Csv(quotas), Ct);
        var status = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/reference/status", Ct)).RootElement;

        Assert.Equal(HttpStatusCode.Forbidden, byRegistrar.StatusCode);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var list = JsonDocument.Parse(await imported.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("list");
        Assert.Equal(("quotas-2026.csv", 3, 3), (list.GetProperty("file").GetString(), list.GetProperty("rows").GetInt32(), list.GetProperty("current").GetInt32()));
        Assert.Equal(HttpStatusCode.BadRequest, undated.StatusCode);
        Assert.Contains("Give the day the download was made", await undated.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal("quotas-2026.csv", status.GetProperty("quotas").GetProperty("file").GetString());
        Assert.Equal(JsonValueKind.Null, status.GetProperty("suspensions").ValueKind);

        static ByteArrayContent Csv(byte[] bytes) => new(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } };
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, string kind, string file, byte[] content, string asOf)
    {
        var token = PageForms.Token(await client.GetStringAsync("/admin/trade-measures", Ct));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(kind), "Kind" },
            { new ByteArrayContent(content) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "Download", file },
            { new StringContent(asOf), "AsOf" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        return await client.PostAsync("/admin/trade-measures", form, Ct);
    }
}
