using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Menagerie.App.Persistence;
using Menagerie.Testing;

namespace Menagerie.Web.Tests;

public sealed partial class TransportPageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_transport_page_shows_every_crate_the_drawing_and_the_papers_in_the_readers_language()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        await PageForms.SampleUsersAsync(factory);
        using var coordinator = await PageForms.SignedInAsync(factory, "transport-coordinator@MOSCOW");
        coordinator.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru");
        var id = await PageForms.TransferIdAsync(coordinator, "Accepted");

        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/transfers/{id}/transport", Ct));
        var plan = await coordinator.GetStringAsync($"/api/v1/transfers/{id}/transport-plan", Ct);
        var labels = await coordinator.GetAsync($"/api/v1/transfers/{id}/transport-documents/labels.pdf", Ct);

        var crates = CrateRow().Matches(page).Select(m => m.Groups["crate"].Value).ToList();
        Assert.Equal(19, crates.Count);
        Assert.Equal(crates, JsonDocument.Parse(plan).RootElement.GetProperty("crates").EnumerateArray().Select(c => c.GetProperty("crate").GetString()));
        Assert.Contains("<svg", page, StringComparison.Ordinal);
        Assert.Equal(19, Regex.Count(page, "class=\"crate\"", RegexOptions.None, TimeSpan.FromSeconds(1)));
        Assert.Contains("href=\"/specimens/MOS-", page, StringComparison.Ordinal);
        Assert.Contains("План загрузки", page, StringComparison.Ordinal);
        // The drawing speaks the page's language; the API's SVG stays in English.
        Assert.Contains(">ДВЕРЬ</text>", page, StringComparison.Ordinal);
        Assert.Contains("непрозрачная перегородка (W-05)", page, StringComparison.Ordinal);
        var svg = await coordinator.GetStringAsync($"/api/v1/transfers/{id}/transport-plan.svg", Ct);
        Assert.Contains(">DOOR</text>", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("ДВЕРЬ", svg, StringComparison.Ordinal);
        Assert.Contains($"/api/v1/transfers/{id}/transport-documents/labels.pdf", page, StringComparison.Ordinal);
        Assert.Equal("application/pdf", labels.Content.Headers.ContentType?.MediaType);

        using var berlin = await PageForms.SignedInAsync(factory, "registrar@BERLIN");
        Assert.Equal(HttpStatusCode.NotFound, (await berlin.GetAsync($"/transfers/{id}/transport", Ct)).StatusCode);
    }

    [GeneratedRegex("<th scope=\"row\">(?<crate>C\\d\\d)</th>", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CrateRow();
}
