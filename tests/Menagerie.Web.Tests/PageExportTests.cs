using System.Net.Http.Json;
using System.Text;
using Menagerie.App.Persistence;
using Menagerie.Testing;

namespace Menagerie.Web.Tests;

public sealed class PageExportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Lists_export_as_csv_that_a_spreadsheet_opens_as_text_not_formulas()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        using var registrar = await factory.ClientAsSampleUserAsync("registrar@MOSCOW");
        var created = await registrar.PostAsJsonAsync("/api/v1/specimens", new
        {
            taxon = "Ursus arctos",
            sex = "male",
            name = "=HYPERLINK(\"http://evil\")",
            first = new { type = "birth", date = "2026-01-10", institution = "MOSCOW" },
            identifiers = new[] { new { scheme = "local", value = "+7 MOS" } },
        }, Ct);
        created.EnsureSuccessStatusCode();

        var animals = await registrar.GetAsync("/specimens?holder=MOSCOW&taxon=Ursus%20arctos&handler=csv", Ct);
        var bytes = await animals.Content.ReadAsByteArrayAsync(Ct);
        var text = Encoding.UTF8.GetString(bytes);
        var census = await registrar.GetStringAsync("/institutions/MOSCOW/census?on=2024-11-15&handler=csv", Ct);

        Assert.Equal("text/csv", animals.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\")\"", text, StringComparison.Ordinal);
        Assert.Contains("local:+7 MOS", text, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", text, StringComparison.Ordinal);
        Assert.StartsWith("institution,date,scientific_name", census.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("MOSCOW,2024-11-15,Ursus arctos,Brown bear,14,7.7.0,0,0.0.0,7.7.0,14", census, StringComparison.Ordinal);
    }
}
