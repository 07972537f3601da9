using System.Globalization;
using System.Net;
using Menagerie.App.Persistence;
using Menagerie.Domain;
using Menagerie.Domain.Compliance;
using Menagerie.Domain.Documents;
using Menagerie.Domain.Specimens;
using Menagerie.Testing;
using Menagerie.Web.Localization;
using Menagerie.Web.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Menagerie.Web.Tests;

/// <summary>The records' and the rules' sentences on a page are in the reader's language, with the values in the reader's culture.</summary>
public sealed class SentenceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_sentence_is_said_in_the_readers_language_with_its_values_in_their_culture()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: false);
        await using var factory = new MenagerieFactory(database);
        var t = factory.Services.GetRequiredService<IStringLocalizer<Text>>();
        Wording nested = $"{"MOS-00067"} is in Appendix I{Wording.Of(" (lineage not recorded)")} and goes to {"KP"}, not a Party: comparable documentation from {"KP"}'s competent authority (not detrimental, suitable housing and care, not primarily commercial) must exist before the export permit, unless a captive-breeding certificate (Art. VII(5), C-42) is used";

        var (russian, korean, english) = (In("ru", () => t.Say(nested)), In("ko", () => t.Say(nested)), In("en-GB", () => t.Say(nested)));

        Assert.StartsWith("MOS-00067: Приложение I (происхождение не записано), вывоз в страну KP", russian, StringComparison.Ordinal);
        Assert.StartsWith("MOS-00067: 부속서 I (계통 미기록) 해당이며", korean, StringComparison.Ordinal);
        Assert.Equal(nested.ToString(), english);
        Assert.Equal("Дата 2030-01-01 ещё не наступила.", In("ru", () => t.Say($"The date {new DateOnly(2030, 1, 1):yyyy-MM-dd} is in the future.")));
        Assert.Equal("У отца «MOS-00001» записан пол: самка.", In("ru", () => t.Say($"The sire '{"MOS-00001"}' is recorded as {new Term(Sex.Female)}.")));
        Assert.Contains("CITES 수출 허가서", In("ko", () => t.Say($"no {new DocumentName(DocumentType.CitesExportPermit)} covers it")), StringComparison.Ordinal);
        Assert.Equal("1,5", In("ru", () => t.Say(Wording.Join("", [$"{1.5m}"]))));
        Assert.Equal("A parser's own sentence.", In("ru", () => t.Say(Wording.FromString("A parser's own sentence."))));
    }

    [Fact]
    public async Task A_refused_form_names_the_rule_in_russian_and_the_transfer_page_its_requirements_in_korean()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        await PageForms.SampleUsersAsync(factory);
        using var registrar = await PageForms.SignedInAsync(factory, "registrar@MOSCOW");
        registrar.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru");

        var form = await registrar.GetStringAsync("/specimens/MOS-00067/record?type=weight", Ct);
        var refused = await PageForms.SendAsync(registrar, PageForms.Token(form), "/specimens/MOS-00067/record",
            ("Form.Type", "weight"), ("Form.Version", PageForms.Hidden(form, "Form.Version")), ("Form.Seen", PageForms.Hidden(form, "Form.Seen")),
            ("Form.Date", "2030-01-01"), ("Form.WeightKg", "180"));
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Дата 2030-01-01 ещё не наступила.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("is in the future", html, StringComparison.Ordinal);

        using var curator = await PageForms.SignedInAsync(factory, "curator@PYONGYANG");
        curator.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ko");
        var november = await PageForms.TransferIdAsync(curator, "Accepted");
        var transfer = WebUtility.HtmlDecode(await curator.GetStringAsync($"/transfers/{november}", Ct));

        Assert.Contains("비당사국인 KP에 보냅니다", transfer, StringComparison.Ordinal);
        Assert.DoesNotContain("not a Party: comparable documentation", transfer, StringComparison.Ordinal);
    }

    private static string In(string culture, Func<string> say)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return say();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }
}
