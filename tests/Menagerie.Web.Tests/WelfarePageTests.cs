using System.Net;
using System.Text.RegularExpressions;
using Menagerie.App.Persistence;
using Menagerie.Testing;
using static Menagerie.Web.Tests.PageForms;

namespace Menagerie.Web.Tests;

/// <summary>
/// The welfare page of a transfer on its journey: an attendant's check recorded from the form and shown in the log,
/// refused with every problem at once, read-only for the other party, and checks later than the interval marked.
/// The sample loan of Berlin's lion to Prague left on 24 November 2026 at 07:00 UTC; the test clock reads 29 November, 10:00 UTC.
/// </summary>
public sealed partial class WelfarePageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Berlins_veterinarian_records_a_check_on_the_loan_and_sees_it_in_the_log()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        await SampleUsersAsync(factory);
        using var vet = await SignedInAsync(factory, "veterinarian@BERLIN");
        var loan = await LoanAsync(vet);
        var transfer = await vet.GetStringAsync($"/transfers/{loan}", Ct);
        var form = await vet.GetStringAsync($"/transfers/{loan}/welfare", Ct);

        // Berlin's clock: 10:30 on 29 November is 09:30 UTC.
        var sent = await SendAsync(vet, Token(form), $"/transfers/{loan}/welfare",
            ("Form.Scope", "crates"), ("Form.Crates", Crate(form)), ("Form.Date", "2026-11-29"), ("Form.Time", "10:30"), ("Form.TemperatureC", "18.5"),
            ("Form.Condition", "Calm, lying down, ate half his ration"), ("Form.Fed", "true"), ("Form.Sedation", ""), ("Form.Attendant", "Dr Anna Weber"));
        var log = WebUtility.HtmlDecode(await vet.GetStringAsync(sent.Headers.Location.PathAndQuery(), Ct));

        Assert.Contains($"href=\"/transfers/{loan}/welfare\"", transfer, StringComparison.Ordinal);
        Assert.Contains("name=\"Form.Condition\"", form, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-11-29\"", form, StringComparison.Ordinal);
        Assert.Contains("value=\"11:00\"", form, StringComparison.Ordinal);
        Assert.Contains("Time of day (Europe/Berlin, UTC+1)", WebUtility.HtmlDecode(form), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal($"/transfers/{loan}/welfare?done=recorded#log", sent.Headers.Location.PathAndQuery());
        Assert.Contains("The welfare check is recorded.", log, StringComparison.Ordinal);
        Assert.Contains("Calm, lying down, ate half his ration", log, StringComparison.Ordinal);
        Assert.Contains("datetime=\"2026-11-29T09:30:00Z\" title=\"2026-11-29 09:30 UTC\"", log, StringComparison.Ordinal);
        Assert.Contains("18.5 °C at the crate", log, StringComparison.Ordinal);
        Assert.Contains("not watered", log, StringComparison.Ordinal);
        Assert.Contains("checked by Dr Anna Weber", log, StringComparison.Ordinal);
        Assert.Contains("Recorded by veterinarian@BERLIN", log, StringComparison.Ordinal);
        Assert.Contains($"<strong>{Crate(form)}</strong>", log, StringComparison.Ordinal);
        // The next time, the form starts with the attendant's name as they last gave it.
        Assert.Contains("value=\"Dr Anna Weber\"", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_check_with_problems_shows_them_all_beside_their_fields_keeps_the_input_and_saves_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        await SampleUsersAsync(factory);
        using var coordinator = await SignedInAsync(factory, "transport-coordinator@BERLIN");
        var loan = await LoanAsync(coordinator);
        var form = await coordinator.GetStringAsync($"/transfers/{loan}/welfare", Ct);

        var hot = await SendAsync(coordinator, Token(form), $"/transfers/{loan}/welfare",
            ("Form.Scope", "all"), ("Form.Date", "2026-11-29"), ("Form.Time", "10:30"), ("Form.TemperatureC", "180"), ("Form.Condition", " "), ("Form.Attendant", ""), ("Form.Sedation", "xylazine 1 mg/kg"));
        var refused = WebUtility.HtmlDecode(await hot.Content.ReadAsStringAsync(Ct));
        var warm = await SendAsync(coordinator, Token(form), $"/transfers/{loan}/welfare",
            ("Form.Scope", "crates"), ("Form.Date", "2026-11-29"), ("Form.Time", "25:70"), ("Form.TemperatureC", "warm"), ("Form.Condition", "calm"), ("Form.Attendant", "K. Braun"));
        var unread = WebUtility.HtmlDecode(await warm.Content.ReadAsStringAsync(Ct));
        var log = await coordinator.GetStringAsync($"/transfers/{loan}/welfare", Ct);

        Assert.Equal(HttpStatusCode.OK, hot.StatusCode);
        Assert.Contains("Nothing was saved. Please correct:", refused, StringComparison.Ordinal);
        Assert.Contains("180 °C is not a temperature at a crate: between -60 and 60 °C is expected.", refused, StringComparison.Ordinal);
        Assert.Contains("A welfare check needs the animals' condition as seen.", refused, StringComparison.Ordinal);
        Assert.Contains("A welfare check needs who made it.", refused, StringComparison.Ordinal);
        foreach (var field in new[] { "temperaturec", "condition", "attendant" })
        {
            Assert.Contains($"<a href=\"#field-{field}\">", refused, StringComparison.Ordinal);
            Assert.Contains($"id=\"problem-{field}\"", refused, StringComparison.Ordinal);
        }
        Assert.Contains("value=\"180\"", refused, StringComparison.Ordinal);
        Assert.Contains("value=\"xylazine 1 mg/kg\"", refused, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        Assert.Contains("'25:70' is not a time of day (hh:mm).", unread, StringComparison.Ordinal);
        Assert.Contains("'warm' is not a temperature in °C.", unread, StringComparison.Ordinal);
        Assert.Contains("Tick the crates you checked, or choose all animals.", unread, StringComparison.Ordinal);
        Assert.Contains(">calm</textarea>", unread, StringComparison.Ordinal);
        Assert.Contains("No check is recorded yet.", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pragues_registrar_reads_the_log_without_the_form_and_may_not_send_it_while_its_veterinarian_may()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        await SampleUsersAsync(factory);
        using var berlin = await SignedInAsync(factory, "veterinarian@BERLIN");
        using var registrar = await SignedInAsync(factory, "registrar@PRAGUE");
        using var vet = await SignedInAsync(factory, "veterinarian@PRAGUE");
        var loan = await LoanAsync(berlin);
        var form = await berlin.GetStringAsync($"/transfers/{loan}/welfare", Ct);
        await SendAsync(berlin, Token(form), $"/transfers/{loan}/welfare",
            ("Form.Scope", "all"), ("Form.Date", "2026-11-29"), ("Form.Time", "10:30"), ("Form.Condition", "Calm"), ("Form.Attendant", "Dr Anna Weber"));

        var read = WebUtility.HtmlDecode(await registrar.GetStringAsync($"/transfers/{loan}/welfare", Ct));
        var refused = await PostAsync(registrar, $"/transfers/{loan}/welfare", $"/transfers/{loan}/welfare",
            ("Form.Scope", "all"), ("Form.Date", "2026-11-29"), ("Form.Time", "10:40"), ("Form.Condition", "Calm"), ("Form.Attendant", "J. Novák"));
        var theirs = await vet.GetStringAsync($"/transfers/{loan}/welfare", Ct);

        Assert.Contains("Calm", read, StringComparison.Ordinal);
        Assert.Contains("checked by Dr Anna Weber", read, StringComparison.Ordinal);
        // Prague's clock reads the check as Berlin's does: an hour ahead of UTC.
        Assert.Contains("title=\"2026-11-29 09:30 UTC\"", read, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Form.Condition\"", read, StringComparison.Ordinal);
        Assert.Contains("Welfare checks are recorded by a transport coordinator or veterinarian of the sender or the receiver.", read, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("name=\"Form.Condition\"", theirs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_check_later_than_the_journeys_interval_is_marked_overdue_by_how_much()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        await SampleUsersAsync(factory);
        using var vet = await SignedInAsync(factory, "veterinarian@BERLIN");
        var loan = await LoanAsync(vet);
        var form = await vet.GetStringAsync($"/transfers/{loan}/welfare", Ct);

        // An hour after dispatch (on time), then five hours and twenty minutes later: the interval is four hours.
        foreach (var time in new[] { "09:00", "14:20" })
        {
            var sent = await SendAsync(vet, Token(form), $"/transfers/{loan}/welfare",
                ("Form.Scope", "all"), ("Form.Date", "2026-11-24"), ("Form.Time", time), ("Form.Condition", "Calm"), ("Form.Attendant", "Dr Anna Weber"));
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }
        var log = WebUtility.HtmlDecode(await vet.GetStringAsync($"/transfers/{loan}/welfare", Ct));
        var checks = LogEntry().Matches(log).Select(m => m.Value).ToList();

        Assert.Equal(2, checks.Count);
        Assert.DoesNotContain("overdue", checks[0], StringComparison.Ordinal);
        Assert.Contains("class=\"overdue\"", checks[1], StringComparison.Ordinal);
        Assert.Contains("overdue by 1 h 20 min", checks[1], StringComparison.Ordinal);
        Assert.Contains("Every crate is checked at least every 4 h from dispatch.", log, StringComparison.Ordinal);
        // Since the last check (13:20 UTC on the 24th) nobody has looked: the next is overdue now.
        Assert.Contains("Overdue now by 4 d 16 h", log, StringComparison.Ordinal);
    }

    private static Task<string> LoanAsync(HttpClient client) => PageForms.TransferIdAsync(client, "Dispatched");

    /// <summary>The first crate the form offers.</summary>
    private static string Crate(string form) => CrateBox().Match(form).Groups["crate"].Value;

    [GeneratedRegex("name=\"Form.Crates\" value=\"(?<crate>[^\"]+)\"", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CrateBox();

    [GeneratedRegex("<li( class=\"overdue\")?>\\s*<div class=\"when\">.*?</li>", RegexOptions.Singleline | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LogEntry();
}
