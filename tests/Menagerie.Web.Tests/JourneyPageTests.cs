using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Menagerie.App.Persistence;
using Menagerie.Testing;

namespace Menagerie.Web.Tests;

/// <summary>The journey editor: the form the transport coordinator fills in, saved through the use case the API's PUT uses.</summary>
public sealed partial class JourneyPageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_transport_coordinator_adds_a_leg_and_changes_the_hold_and_the_plan_follows()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        await PageForms.SampleUsersAsync(factory);
        using var coordinator = await PageForms.SignedInAsync(factory, "transport-coordinator@MOSCOW");
        var id = await PageForms.TransferIdAsync(coordinator, "Accepted");
        var transport = await coordinator.GetStringAsync($"/transfers/{id}/transport", Ct);
        Assert.Contains($"href=\"/transfers/{id}/journey\"", transport, StringComparison.Ordinal);

        var editor = await coordinator.GetStringAsync($"/transfers/{id}/journey", Ct);
        var fields = Fields(editor);
        Assert.Equal("Chkalovsky airfield, Moscow region", fields["Form.Legs[1].From"]);
        Assert.Equal(("2024-11-20", "01:00"), (fields["Form.Legs[1].DepartsDate"], fields["Form.Legs[1].DepartsTime"]));
        Assert.Equal("", fields["Form.Legs[3].From"]);
        var more = await PageForms.SendAsync(coordinator, PageForms.Token(editor), $"/transfers/{id}/journey?handler=Leg", [.. fields.Select(f => (f.Key, f.Value))]);
        Assert.Contains(">Leg 5</legend>", await more.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        fields["Form.Legs[3].From"] = "Central Zoo, Pyongyang";
        fields["Form.Legs[3].To"] = "Central Zoo quarantine station";
        (fields["Form.Legs[3].DepartsDate"], fields["Form.Legs[3].DepartsTime"]) = ("2024-11-20", "12:00");
        (fields["Form.Legs[3].ArrivesDate"], fields["Form.Legs[3].ArrivesTime"]) = ("2024-11-20", "12:40");
        fields["Form.Legs[3].Mode"] = "road";
        fields["Form.Hold.Name"] = "Il-76MD-90A main deck";
        fields["Form.CheckEveryHours"] = "3";
        (fields["Form.Temperatures[0].Min"], fields["Form.Temperatures[0].Max"]) = ("4", "24.5");
        var saved = await PageForms.SendAsync(coordinator, PageForms.Token(editor), $"/transfers/{id}/journey", [.. fields.Select(f => (f.Key, f.Value))]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/transfers/{id}/transport?saved=journey#journey", saved.Headers.Location?.OriginalString);
        var journey = JsonDocument.Parse(await coordinator.GetStringAsync($"/api/v1/transfers/{id}/journey", Ct)).RootElement;
        Assert.Equal(4, journey.GetProperty("legs").GetArrayLength());
        Assert.Equal("2024-11-20T12:40:00Z", journey.GetProperty("legs")[3].GetProperty("arrives").GetString());
        Assert.Equal("Il-76MD-90A main deck", journey.GetProperty("hold").GetProperty("name").GetString());
        Assert.Equal(1400, journey.GetProperty("hold").GetProperty("heatedZone").GetProperty("fromCm").GetInt32());
        Assert.Equal(3, journey.GetProperty("checkEveryHours").GetInt32());
        var line1 = journey.GetProperty("temperatures").EnumerateArray().Single(t => t.GetProperty("line").GetInt32() == 1);
        Assert.Equal((4m, 24.5m), (line1.GetProperty("min").GetDecimal(), line1.GetProperty("max").GetDecimal()));
        Assert.Equal("IATA LAR 50th edition (2024), as far as its container requirements are public", journey.GetProperty("larEdition").GetString());
        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/transfers/{id}/transport?saved=journey", Ct));
        Assert.Contains("The journey is recorded.", page, StringComparison.Ordinal);
        Assert.Contains("Central Zoo quarantine station", page, StringComparison.Ordinal);
        Assert.Contains("Crates checked every 3 hours", page, StringComparison.Ordinal);

        // A viewer of the same zoo reads the plan but is not offered the editor, nor let in.
        using var viewer = await PageForms.SignedInAsync(factory, "viewer@MOSCOW");
        Assert.DoesNotContain($"/transfers/{id}/journey\"", await viewer.GetStringAsync($"/transfers/{id}/transport", Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync($"/transfers/{id}/journey", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_bad_journey_comes_back_with_every_problem_beside_its_field_and_the_input_kept()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        await PageForms.SampleUsersAsync(factory);
        using var coordinator = await PageForms.SignedInAsync(factory, "transport-coordinator@MOSCOW");
        var id = await PageForms.TransferIdAsync(coordinator, "Accepted");
        var before = await coordinator.GetStringAsync($"/api/v1/transfers/{id}/journey", Ct);
        var editor = await coordinator.GetStringAsync($"/transfers/{id}/journey", Ct);

        // The first leg removed, the second arriving before it leaves; the hold unnamed with an aisle wider than
        // itself; checks never; a veterinarian's range upside down.
        var fields = Fields(editor);
        fields["Form.Legs[0].Remove"] = "true";
        fields["Form.Legs[1].ArrivesTime"] = "00:30";
        fields["Form.Hold.Name"] = "";
        fields["Form.Hold.AisleCm"] = "400";
        fields["Form.CheckEveryHours"] = "0";
        (fields["Form.Temperatures[1].Min"], fields["Form.Temperatures[1].Max"]) = ("30", "20");
        var refused = await PageForms.SendAsync(coordinator, PageForms.Token(editor), $"/transfers/{id}/journey", [.. fields.Select(f => (f.Key, f.Value))]);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Leg 1 arrives", Beside(page, "legs-1--arrives"), StringComparison.Ordinal);
        Assert.Contains("Name the hold", Beside(page, "hold-name"), StringComparison.Ordinal);
        Assert.Contains("The aisle must be narrower than the hold.", Beside(page, "hold-aislecm"), StringComparison.Ordinal);
        Assert.Contains("at least one hour", Beside(page, "checkeveryhours"), StringComparison.Ordinal);
        Assert.Contains("a minimum below its maximum", Beside(page, "temperatures-1-"), StringComparison.Ordinal);
        var kept = Fields(page);
        Assert.Equal(("00:30", "400", "30", "true"), (kept["Form.Legs[1].ArrivesTime"], kept["Form.Hold.AisleCm"], kept["Form.Temperatures[1].Min"], kept["Form.Legs[0].Remove"]));

        // What the form cannot read is named beside its field, with the rules' problems of the rest.
        fields = Fields(editor);
        fields["Form.Legs[0].DepartsTime"] = "25:99";
        fields["Form.Hold.LengthCm"] = "long";
        fields["Form.CheckEveryHours"] = "0";
        var unread = await PageForms.SendAsync(coordinator, PageForms.Token(editor), $"/transfers/{id}/journey", [.. fields.Select(f => (f.Key, f.Value))]);

        page = WebUtility.HtmlDecode(await unread.Content.ReadAsStringAsync(Ct));
        Assert.Contains("'25:99' is not a time of day", Beside(page, "legs-0--departs"), StringComparison.Ordinal);
        Assert.Contains("'long' is not a whole number", Beside(page, "hold-lengthcm"), StringComparison.Ordinal);
        Assert.Contains("at least one hour", Beside(page, "checkeveryhours"), StringComparison.Ordinal);
        Assert.Equal("long", Fields(page)["Form.Hold.LengthCm"]);
        Assert.Equal(before, await coordinator.GetStringAsync($"/api/v1/transfers/{id}/journey", Ct));
    }

    /// <summary>The problems shown beside one field.</summary>
    private static string Beside(string page, string field)
    {
        var m = Regex.Match(page, $"<p class=\"field-problem\" id=\"problem-{Regex.Escape(field)}\">(?<text>.*?)</p>", RegexOptions.ExplicitCapture | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
        Assert.True(m.Success, $"No problem beside {field}.");
        return m.Groups["text"].Value;
    }

    /// <summary>What the form would send as a browser fills it: its inputs, ticked boxes, text areas and chosen options.</summary>
    private static Dictionary<string, string> Fields(string page)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in Input().Matches(page).Select(m => m.Value))
        {
            if (Attribute(input, "name") is not { } name || name == "__RequestVerificationToken"
                || (Attribute(input, "type") == "checkbox" && Attribute(input, "checked") is null))
                continue;
            fields[name] = WebUtility.HtmlDecode(Attribute(input, "value") ?? "");
        }
        foreach (Match m in TextArea().Matches(page))
            fields[m.Groups["name"].Value] = WebUtility.HtmlDecode(m.Groups["value"].Value).TrimStart('\n');
        foreach (Match m in Select().Matches(page))
            fields[m.Groups["name"].Value] = Chosen().Match(m.Groups["options"].Value).Groups["value"].Value;
        return fields;
    }

    private static string? Attribute(string tag, string name)
    {
        var m = Regex.Match(tag, $"\\s{name}=\"(?<value>[^\"]*)\"", RegexOptions.ExplicitCapture, TimeSpan.FromSeconds(1));
        return m.Success ? m.Groups["value"].Value : null;
    }

    [GeneratedRegex("<input [^>]*>", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Input();

    [GeneratedRegex("<textarea [^>]*name=\"(?<name>[^\"]+)\"[^>]*>(?<value>[^<]*)</textarea>", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TextArea();

    [GeneratedRegex("<select [^>]*name=\"(?<name>[^\"]+)\"[^>]*>(?<options>.*?)</select>", RegexOptions.ExplicitCapture | RegexOptions.Singleline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Select();

    [GeneratedRegex("<option value=\"(?<value>[^\"]*)\" selected", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Chosen();
}
