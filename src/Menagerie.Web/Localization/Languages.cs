using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Menagerie.Web.Localization;

/// <summary>The resource every visible string of the web app comes from (Text.resx, Text.ru.resx, Text.ko.resx).</summary>
public sealed class Text;

/// <summary>
/// English, Russian and Korean: the choice is remembered in a cookie, and otherwise follows the browser's
/// Accept-Language. Dates and numbers follow the culture (English dates as in Britain, day first, unless the
/// browser asks for another English).
/// </summary>
public static class Languages
{
    public static readonly (string Code, string Name)[] Offered = [("en", "English"), ("ru", "Русский"), ("ko", "한국어")];

    // Plain "en" is left out so that it falls to British formats (day first); a browser asking for en-US gets them.
    private static readonly string[] Cultures = ["en-GB", "en-US", "ru", "ru-RU", "ko", "ko-KR"];

    public static IServiceCollection AddMenagerieLanguages(this IServiceCollection services)
    {
        services.AddLocalization();
        // Cyrillic and Hangul written as themselves, not as numeric character references.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("en-GB", "en");
            o.SupportedCultures = Cultures.Select(CultureInfo.GetCultureInfo).ToList();
            o.SupportedUICultures = Offered.Select(l => CultureInfo.GetCultureInfo(l.Code)).ToList();
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        return services;
    }

    public static IApplicationBuilder UseMenagerieLanguages(this IApplicationBuilder app) => app.UseRequestLocalization();

    /// <summary>The cookie that remembers a choice: the language and its usual formats.</summary>
    public static string CookieValue(string code) =>
        CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(code switch { "ru" => "ru-RU", "ko" => "ko-KR", _ => "en-GB" }, code));

    public static bool IsOffered(string? code) => Offered.Any(l => l.Code == code);

    /// <summary>The language of this request, as a two-letter code.</summary>
    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
}
