using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Menagerie.App.Accounts;
using Menagerie.App.Persistence;
using Menagerie.Testing;

namespace Menagerie.Web.Tests;

/// <summary>
/// Reads are answered from memory while the records have not changed: a change written by this web process, or by
/// another one on the same database, is read on the next request.
/// </summary>
public sealed class CachedReadTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_change_written_by_either_of_two_web_processes_is_read_by_both_on_the_next_request(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, withSample: true);
        await using var first = new MenagerieFactory(database);
        await using var second = new MenagerieFactory(database);
        using var one = await first.ClientAsAsync("registrar@MOSCOW", new MembershipInput(Role.Registrar, "MOSCOW"));
        using var other = await second.ClientAsAsync("registrar@MOSCOW");
        const string Lion = "/api/v1/specimens/EEP-PLE-3117";
        const string Page = "/api/v1/specimens?holder=MOSCOW&limit=1";

        var version = await VersionAsync(one, Lion);
        var again = await VersionAsync(one, Lion);
        var total = await TotalAsync(one, Page);
        var noteByTheOther = await other.PostAsJsonAsync(Lion + "/events", new { type = "note", date = "2026-11-28", text = "ate well" }, Ct);
        var afterTheOther = await VersionAsync(one, Lion);
        var noteByThisOne = await one.PostAsJsonAsync(Lion + "/events", new { type = "note", date = "2026-11-28", text = "slept" }, Ct);
        var afterThisOne = await VersionAsync(one, Lion);
        var seenByTheOther = await VersionAsync(other, Lion);
        var born = await other.PostAsJsonAsync("/api/v1/specimens",
            new { kind = "individual", taxon = "Panthera leo", sex = "female", first = new { type = "birth", date = "2026-11-28", institution = "MOSCOW" } }, Ct);
        var totalAfterBirth = await TotalAsync(one, Page);

        Assert.Equal(version, again);
        Assert.Equal(HttpStatusCode.Created, noteByTheOther.StatusCode);
        Assert.Equal(version + 1, afterTheOther);
        Assert.Equal(HttpStatusCode.Created, noteByThisOne.StatusCode);
        Assert.Equal(version + 2, afterThisOne);
        Assert.Equal(version + 2, seenByTheOther);
        Assert.Equal(HttpStatusCode.Created, born.StatusCode);
        Assert.Equal(total + 1, totalAfterBirth);
    }

    [Fact]
    public async Task People_with_other_memberships_are_not_shown_an_answer_read_for_someone_else()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        using var moscow = await factory.ClientAsAsync("registrar@MOSCOW", new MembershipInput(Role.Registrar, "MOSCOW"));
        using var berlin = await factory.ClientAsAsync("registrar@BERLIN", new MembershipInput(Role.Registrar, "BERLIN"));

        var read = await moscow.GetAsync("/api/v1/specimens/EEP-PLE-3117", Ct);
        var readByBerlin = await berlin.GetAsync("/api/v1/specimens/EEP-PLE-3117", Ct);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, readByBerlin.StatusCode);
    }

    private static async Task<long> VersionAsync(HttpClient client, string url) =>
        (await client.GetFromJsonAsync<JsonElement>(url, Ct)).GetProperty("version").GetInt64();

    private static async Task<int> TotalAsync(HttpClient client, string url) =>
        (await client.GetFromJsonAsync<JsonElement>(url, Ct)).GetProperty("total").GetInt32();
}
