using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Menagerie.App.Accounts;
using Menagerie.App.Persistence;
using Menagerie.Testing;

namespace Menagerie.Web.Tests;

/// <summary>
/// Values no animal's record holds — a birth in year 1, a journey to year 9999, a permit valid for a century, a number
/// where a word is asked — are 400s naming their field, all at once, and change nothing.
/// </summary>
public sealed class InputBoundsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Dates_outside_what_the_records_take_are_refused_under_their_fields()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        using var registrar = await factory.ClientAsSampleUserAsync("registrar@MOSCOW");
        using var coordinator = await factory.ClientAsSampleUserAsync("transport-coordinator@MOSCOW");
        var november = (await registrar.GetFromJsonAsync<JsonElement>("/api/v1/transfers?status=accepted", Ct)).EnumerateArray().Single().GetProperty("id").GetGuid();
        var ledger = await database.LedgerEntriesAsync();

        using var weighedInYearOne = await registrar.PostAsJsonAsync("/api/v1/specimens/EEP-PLE-3117/events", new { type = "weight", date = "0001-01-01", weightKg = 180 }, Ct);
        var journey = (await coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/transfers/{november}/journey", Ct))!;
        var legs = journey["legs"]!.AsArray();
        legs[0]!["departs"] = "0001-01-01T08:00:00Z";
        legs[^1]!["arrives"] = "9999-12-31T08:00:00Z";
        using var centuryJourney = await coordinator.PutAsJsonAsync($"/api/v1/transfers/{november}/journey", journey, Ct);
        using var centuryPermit = await registrar.PostAsJsonAsync($"/api/v1/transfers/{november}/documents", new
        {
            type = "cites-export-permit",
            number = "RU/2026/000123",
            issuingAuthority = "Rosprirodnadzor",
            issuingState = "RU",
            issuedOn = "1700-01-01",
            validUntil = "2126-01-01",
            covers = new[] { new { line = 1 } },
        }, Ct);

        Assert.Equal(["date"], await ProblemFieldsAsync(weighedInYearOne));
        Assert.Equal(["legs[0].departs", $"legs[{legs.Count - 1}].arrives"], await ProblemFieldsAsync(centuryJourney));
        Assert.Equal(["issuedOn", "validUntil"], await ProblemFieldsAsync(centuryPermit));
        Assert.Equal(ledger, await database.LedgerEntriesAsync());
    }

    [Fact]
    public async Task A_number_where_a_word_is_asked_and_names_of_a_megabyte_are_refused()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var factory = new MenagerieFactory(database);
        using var admin = await factory.ClientAsAsync("admin", new MembershipInput(Role.Administrator));

        using var numbered = await admin.PostAsJsonAsync("/api/v1/taxa", new { scientificName = "Panthera leo", commonName = "Lion", rank = 7, taxonClass = "Mammalia" }, Ct);

        using var huge = await admin.PostAsJsonAsync("/api/v1/taxa", new { scientificName = "Panthera leo", commonName = new string('a', 1 << 20), rank = "species", taxonClass = "Mammalia", family = new string('b', 101) }, Ct);

        Assert.Equal(["rank"], await ProblemFieldsAsync(numbered));
        Assert.Equal(["commonName", "family"], await ProblemFieldsAsync(huge));
    }

    private static async Task<string[]> ProblemFieldsAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        return [.. JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal)];
    }
}
