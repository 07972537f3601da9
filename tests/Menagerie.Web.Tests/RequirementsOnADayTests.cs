using System.Net;
using Menagerie.App.Persistence;
using Menagerie.Testing;

namespace Menagerie.Web.Tests;

public sealed class RequirementsOnADayTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_transfers_requirements_are_shown_on_the_day_asked_for_while_its_steps_follow_its_planned_departure()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        await PageForms.SampleUsersAsync(factory);
        using var curator = await PageForms.SignedInAsync(factory, "curator@MOSCOW");
        curator.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru");
        var id = await PageForms.TransferIdAsync(curator, "Accepted");

        var planned = WebUtility.HtmlDecode(await curator.GetStringAsync($"/transfers/{id}", Ct));
        var then = WebUtility.HtmlDecode(await curator.GetStringAsync($"/transfers/{id}?on=2024-12-01", Ct));
        var unreadable = WebUtility.HtmlDecode(await curator.GetStringAsync($"/transfers/{id}?on=20.11.2024", Ct));

        Assert.Contains("проверено на 01.12.2024", then, StringComparison.Ordinal);
        Assert.Contains("проверено на 20.11.2024", planned, StringComparison.Ordinal);
        Assert.Contains("Плановая дата отправки: 20.11.2024.", planned, StringComparison.Ordinal);
        Assert.Contains("шаги разрешаются или запрещаются по требованиям на плановую дату отправки", then, StringComparison.Ordinal);
        Assert.Contains("handler=Confirm", planned, StringComparison.Ordinal);
        Assert.Contains("handler=Departure", planned, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Confirm", then, StringComparison.Ordinal);
        Assert.Contains("«20.11.2024» — не дата", unreadable, StringComparison.Ordinal);
        Assert.Contains("<h3>Ещё нужны документы</h3>", planned, StringComparison.Ordinal);
    }

    /// <summary>Once the animals have left, the documents a transfer lacked are no longer ones still to get.</summary>
    [Fact]
    public async Task A_received_transfer_names_the_documents_it_went_without_not_ones_still_needed()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        await PageForms.SampleUsersAsync(factory);
        using var curator = await PageForms.SignedInAsync(factory, "curator@MOSCOW");
        var april = await PageForms.TransferIdAsync(curator, "Received");

        var page = WebUtility.HtmlDecode(await curator.GetStringAsync($"/transfers/{april}", Ct));

        Assert.Contains("<h3>Documents it went without</h3>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Documents still needed", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_curator_changes_the_planned_departure_on_the_page_and_a_day_out_of_range_comes_back_beside_its_field()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        await PageForms.SampleUsersAsync(factory);
        using var curator = await PageForms.SignedInAsync(factory, "curator@PYONGYANG");
        var id = await PageForms.TransferIdAsync(curator, "Accepted");
        var page = await curator.GetStringAsync($"/transfers/{id}", Ct);

        var changed = await PageForms.SendAsync(curator, PageForms.Token(page), $"/transfers/{id}?handler=Departure",
            ("Version", PageForms.Hidden(page, "Version")), ("Departure", "2024-11-25"));
        var after = WebUtility.HtmlDecode(await curator.GetStringAsync($"/transfers/{id}", Ct));
        var refused = await PageForms.SendAsync(curator, PageForms.Token(after), $"/transfers/{id}?handler=Departure",
            ("Version", PageForms.Hidden(after, "Version")), ("Departure", "1700-01-01"));
        var problems = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Contains("Planned departure: ", after, StringComparison.Ordinal);
        Assert.Contains("name=\"Departure\" type=\"date\" value=\"2024-11-25\"", after, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("1700-01-01 is before 1800; is the year right?", problems, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"problem-plannedDeparture\"", problems, StringComparison.OrdinalIgnoreCase);
    }
}
