using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Menagerie.App.Persistence;
using Menagerie.Testing;

namespace Menagerie.Web.Tests;

/// <summary>The administrator uploads a licensed LAR container table; the transport plans use it from then on.</summary>
public sealed class ContainerTablePageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_bad_table_is_refused_with_every_line_and_column_and_a_good_one_is_used_by_the_plans()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        await PageForms.SampleUsersAsync(factory);
        using var admin = await PageForms.SignedInAsync(factory, "admin");
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/container-table", Ct));
        Assert.Contains("Menagerie's container table (public LAR excerpts and proxies)", page, StringComparison.Ordinal);
        Assert.Contains("The shipped table only", page, StringComparison.Ordinal);

        var refused = await UploadAsync(admin, page, ContainerTableFiles.Broken, "lar-51.csv", "");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var problems = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Line 2, column formula: 'huge' is not one of", problems, StringComparison.Ordinal);
        Assert.Contains("Line 3, column max_per_crate: 'two' is not a whole number.", problems, StringComparison.Ordinal);
        Assert.Contains("Line 4, column source: Say where the row comes from.", problems, StringComparison.Ordinal);
        Assert.Contains("The shipped table only", problems, StringComparison.Ordinal);

        var uploaded = await UploadAsync(admin, page, ContainerTableFiles.Licensed, "lar-51.csv", "IATA LAR 51st edition (licensed copy)");

        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        page = WebUtility.HtmlDecode(await admin.GetStringAsync(uploaded.Headers.Location.PathAndQuery(), Ct));
        Assert.Contains("The licensed table is stored", page, StringComparison.Ordinal);
        Assert.Contains("licensed table IATA LAR 51st edition (licensed copy); otherwise", page, StringComparison.Ordinal);
        Assert.Contains("CR72", page, StringComparison.Ordinal);
        Assert.Contains("to be confirmed from the current LAR edition", page, StringComparison.Ordinal);

        // The coordinator's plan, on the page and over the API: the lion's crate follows the licensed row, the bears' stay to be confirmed.
        using var coordinator = await PageForms.SignedInAsync(factory, "transport-coordinator@MOSCOW");
        var id = await PageForms.TransferIdAsync(coordinator, "Accepted");
        var plan = JsonDocument.Parse(await coordinator.GetStringAsync($"/api/v1/transfers/{id}/transport-plan", Ct)).RootElement;
        var crates = plan.GetProperty("crates").EnumerateArray().ToList();
        var lion = crates.Single(c => c.GetProperty("animals")[0].GetProperty("taxon").GetString() == "Panthera leo");
        Assert.Equal("CR72", lion.GetProperty("containerRequirement").GetString());
        Assert.All(crates.Where(c => c.GetProperty("group").GetString() == "bears"), c => Assert.False(c.GetProperty("containerRequirementConfirmed").GetBoolean()));
        var transport = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/transfers/{id}/transport", Ct));
        Assert.Contains("big-cats (CR72)", transport, StringComparison.Ordinal);
        Assert.Contains("to be confirmed from the current LAR edition", transport, StringComparison.Ordinal);
        Assert.Contains("licensed table IATA LAR 51st edition (licensed copy)", transport, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync("/admin/container-table", Ct)).StatusCode);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string page, string csv, string fileName, string source)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Table", fileName);
        form.Add(new StringContent(source), "Source");
        form.Add(new StringContent(PageForms.Token(page)), "__RequestVerificationToken");
        return await client.PostAsync("/admin/container-table", form, Ct);
    }
}
