using System.Net;
using System.Text.RegularExpressions;
using Menagerie.App;
using Menagerie.App.Accounts;
using Menagerie.App.Sample;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Menagerie.Web.Tests;

/// <summary>
/// The pages as a browser without script uses them: signed in with the sign-in form (the cookie is the session),
/// and each form sent with the antiforgery token of the page that shows it.
/// </summary>
internal static partial class PageForms
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The sample users of the four zoos, the authorities and <c>admin</c>, each with <see cref="MenagerieFactory.Password"/>.</summary>
    public static async Task SampleUsersAsync(MenagerieFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Access>().ActAsOperator();
        Assert.IsType<Outcome<IReadOnlyList<SampleUser>>.Ok>(await scope.ServiceProvider.GetRequiredService<SampleAccounts>().EnsureAsync(MenagerieFactory.Password, Ct));
    }

    /// <summary>A client that does not follow redirects, signed in with the sign-in form.</summary>
    public static async Task<HttpClient> SignedInAsync(MenagerieFactory factory, string userName, string password = MenagerieFactory.Password)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var signIn = await SignInAsync(client, userName, password);
        Assert.True(signIn.StatusCode == HttpStatusCode.Redirect, $"{userName} could not sign in: {(int)signIn.StatusCode}");
        return client;
    }

    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password) =>
        PostAsync(client, "/Account/SignIn", "/Account/SignIn", ("UserName", userName), ("Password", password));

    /// <summary>Opens <paramref name="page"/> for its antiforgery token, then sends the form to <paramref name="action"/>.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string action, params (string Name, string Value)[] fields) =>
        await SendAsync(client, Token(await client.GetStringAsync(page, Ct)), action, fields);

    /// <summary>Sends a form opened earlier, with the antiforgery token it carried then.</summary>
    public static Task<HttpResponseMessage> SendAsync(HttpClient client, string token, string action, params (string Name, string Value)[] fields)
    {
        var form = fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token));
        return client.PostAsync(action, new FormUrlEncodedContent(form), Ct);
    }

    public static string Token(string page) => AntiforgeryField().Match(page).Groups["token"].Value;

    /// <summary>The id of the first transfer of a status the client's transfers list shows (<c>Accepted</c>: the sample's November shipment).</summary>
    public static async Task<string> TransferIdAsync(HttpClient client, string status) =>
        TransferLink().Match(await client.GetStringAsync($"/transfers?status={status}", Ct)).Groups["id"].Value;

    /// <summary>The value of the first hidden field of this name on a page (a version, an id).</summary>
    public static string Hidden(string page, string name) =>
        Regex.Match(page, $"type=\"hidden\" name=\"{Regex.Escape(name)}\" value=\"(?<value>[^\"]*)\"", RegexOptions.ExplicitCapture, TimeSpan.FromSeconds(1)).Groups["value"].Value;

    /// <summary>Every secret shown once on a page (a token, a generated password).</summary>
    public static IReadOnlyList<string> Secrets(string page) => Secret().Matches(page).Select(m => m.Groups["secret"].Value).ToList();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("href=\"/transfers/(?<id>[0-9a-f-]{36})\"", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TransferLink();

    [GeneratedRegex("<code class=\"secret\">(?<secret>[^<]+)</code>", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Secret();
}

internal static class LocationExtensions
{
    /// <summary>The path and query of a redirect, whether the server wrote it absolute or relative.</summary>
    public static string? PathAndQuery(this Uri? location) => location is null ? null : location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
}
