using System.Net;
using Menagerie.App.Persistence;
using Menagerie.Testing;

namespace Menagerie.Web.Tests;

public sealed class RequirementsOnADayTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_transfers_requirements_are_shown_on_the_day_asked_for_while_its_steps_follow_todays()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        await PageForms.SampleUsersAsync(factory);
        using var curator = await PageForms.SignedInAsync(factory, "curator@MOSCOW");
        curator.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru");
        var id = await PageForms.TransferIdAsync(curator, "Accepted");

        var today = WebUtility.HtmlDecode(await curator.GetStringAsync($"/transfers/{id}", Ct));
        var then = WebUtility.HtmlDecode(await curator.GetStringAsync($"/transfers/{id}?on=2024-11-20", Ct));
        var unreadable = WebUtility.HtmlDecode(await curator.GetStringAsync($"/transfers/{id}?on=20.11.2024", Ct));

        Assert.Contains("проверено на 20.11.2024", then, StringComparison.Ordinal);
        Assert.DoesNotContain("проверено на 20.11.2024", today, StringComparison.Ordinal);
        Assert.Contains("шаги разрешаются или запрещаются по сегодняшним требованиям", then, StringComparison.Ordinal);
        Assert.Contains("handler=Confirm", today, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Confirm", then, StringComparison.Ordinal);
        Assert.Contains("«20.11.2024» — не дата", unreadable, StringComparison.Ordinal);
    }
}
