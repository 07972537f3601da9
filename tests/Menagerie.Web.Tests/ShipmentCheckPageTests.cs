using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Menagerie.App.Persistence;
using Menagerie.Testing;

namespace Menagerie.Web.Tests;

public sealed class ShipmentCheckPageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string November = Path.Combine(Repository.Root, "samples", "shipments", "2024-11-moscow-pyongyang.json");

    [Fact]
    public async Task A_curator_checks_the_november_shipment_file_and_sees_it_blocked_by_c01_and_c61()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        await PageForms.SampleUsersAsync(factory);
        using var curator = await PageForms.SignedInAsync(factory, "curator@MOSCOW");

        var page = await SendAsync(curator, "/compliance/check", await File.ReadAllBytesAsync(November, Ct));
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync(Ct));
        var download = await SendAsync(curator, "/compliance/check?handler=Json", await File.ReadAllBytesAsync(November, Ct));
        var json = JsonDocument.Parse(await download.Content.ReadAsStringAsync(Ct)).RootElement;
        var api = await curator.PostAsync("/api/v1/compliance/check", new ByteArrayContent(await File.ReadAllBytesAsync(November, Ct)), Ct);
        var apiJson = JsonDocument.Parse(await api.Content.ReadAsStringAsync(Ct)).RootElement;

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("verdict-blocked", html, StringComparison.Ordinal);
        string[] blocks = ["C-01", "C-61"];
        Assert.Equal(blocks, OpenBlocks(json));
        Assert.Equal(blocks, OpenBlocks(apiJson));
        Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
        Assert.Contains("2024-11-moscow-pyongyang-check.json", download.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        foreach (var rule in blocks)
            Assert.Contains($"<code>{rule}</code>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_shipment_gets_every_problem_and_no_result()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        await PageForms.SampleUsersAsync(factory);
        using var curator = await PageForms.SignedInAsync(factory, "curator@MOSCOW");
        curator.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru");

        var page = await SendAsync(curator, "/compliance/check", "{\"reference\": 7, \"lines\": []}"u8.ToArray(), on: "29.11.2026");
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("«29.11.2026» — не дата в формате YYYY-MM-DD.", html, StringComparison.Ordinal);
        Assert.Contains("2024-11-moscow-pyongyang.json:1: from: 'from' is required", html, StringComparison.Ordinal);
        Assert.Contains("lines: a shipment has at least one line", html, StringComparison.Ordinal);
        Assert.DoesNotContain("verdict-", html, StringComparison.Ordinal);
        Assert.Contains("id=\"problems\"", html, StringComparison.Ordinal);
    }

    /// <summary>The rules that block and are not met, as a check's JSON lists them.</summary>
    internal static string[] OpenBlocks(JsonElement view) =>
        [.. view.GetProperty("requirements").EnumerateArray()
            .Where(r => r.GetProperty("severity").GetString() == "block" && r.GetProperty("status").GetString() != "satisfied")
            .Select(r => r.GetProperty("rule").GetString()!).Distinct().Order(StringComparer.Ordinal)];

    internal static async Task<HttpResponseMessage> SendAsync(HttpClient client, string action, byte[] file, string on = "")
    {
        var token = PageForms.Token(await client.GetStringAsync("/compliance/check", Ct));
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(content, "Shipment", "2024-11-moscow-pyongyang.json");
        form.Add(new StringContent(on), "On");
        form.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync(action, form, Ct);
    }
}
