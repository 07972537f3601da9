using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Menagerie.App.Persistence;
using Menagerie.Testing;

namespace Menagerie.Web.Tests;

public sealed class AvailablePageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Another_zoo_finds_an_available_animal_on_the_list_and_asks_for_it_without_seeing_its_records()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        await PageForms.SampleUsersAsync(factory);
        using var berlin = await factory.ClientAsSampleUserAsync("curator@BERLIN");
        var crane = await berlin.GetAsync("/api/v1/specimens/BER-00143", Ct);
        var id = (await crane.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        using var mark = new HttpRequestMessage(HttpMethod.Put, "/api/v1/specimens/BER-00143/availability") { Content = JsonContent.Create(new { available = true, note = "surplus male, EEP 2026" }) };
        mark.Headers.TryAddWithoutValidation("If-Match", crane.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, (await berlin.SendAsync(mark, Ct)).StatusCode);
        using var curator = await PageForms.SignedInAsync(factory, "curator@PYONGYANG");
        curator.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru");

        var list = WebUtility.HtmlDecode(await curator.GetStringAsync("/available?taxon=Grus+japonensis", Ct));
        var ask = $"/transfers/new?mode=request&other=BERLIN&requested={id}";
        var form = WebUtility.HtmlDecode(await curator.GetStringAsync(ask, Ct));
        var drafted = await PageForms.SendAsync(curator, PageForms.Token(form), "/transfers/new",
            ("Mode", "request"), ("Mine", "PYONGYANG"), ("Other", "BERLIN"), ("Terms", "gift"), ("Requested", id.ToString()));
        var transfer = WebUtility.HtmlDecode(await curator.GetStringAsync(drafted.Headers.Location!.OriginalString, Ct));

        Assert.Contains("Животные, доступные для передачи", list, StringComparison.Ordinal);
        Assert.Contains("surplus male, EEP 2026", list, StringComparison.Ordinal);
        Assert.Contains(ask, list, StringComparison.Ordinal);
        Assert.DoesNotContain("BER-00143", list, StringComparison.Ordinal);
        Assert.Contains($">{id}</textarea>", form, StringComparison.Ordinal);
        Assert.Contains("<option value=\"BERLIN\" selected=\"selected\">", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, drafted.StatusCode);
        Assert.Contains("Grus japonensis", transfer, StringComparison.Ordinal);
        Assert.DoesNotContain("643920605977664", transfer, StringComparison.Ordinal);
        Assert.DoesNotContain("BER-00143", transfer, StringComparison.Ordinal);
    }
}
