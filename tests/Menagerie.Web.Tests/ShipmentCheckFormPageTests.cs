using System.Globalization;
using System.Net;
using System.Text.Json;
using Menagerie.App.Persistence;
using Menagerie.Testing;

namespace Menagerie.Web.Tests;

public sealed class ShipmentCheckFormPageTests
{
    private const string Page = "/compliance/check/form";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string November = Path.Combine(Repository.Root, "samples", "shipments", "2024-11-moscow-pyongyang.json");

    [Fact]
    public async Task A_curator_fills_in_the_november_shipment_and_sees_it_blocked_by_c01_and_c61_as_its_file_is()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        await PageForms.SampleUsersAsync(factory);
        using var curator = await PageForms.SignedInAsync(factory, "curator@MOSCOW");
        var fields = FieldsOf(JsonDocument.Parse(await File.ReadAllBytesAsync(November, Ct)).RootElement);

        var page = await PageForms.PostAsync(curator, Page, Page, fields);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync(Ct));
        var download = await PageForms.PostAsync(curator, Page, Page + "?handler=Json", fields);
        var json = JsonDocument.Parse(await download.Content.ReadAsStringAsync(Ct)).RootElement;
        var file = await curator.PostAsync("/api/v1/compliance/check", new ByteArrayContent(await File.ReadAllBytesAsync(November, Ct)), Ct);
        var fileJson = JsonDocument.Parse(await file.Content.ReadAsStringAsync(Ct)).RootElement;

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("verdict-blocked", html, StringComparison.Ordinal);
        foreach (var rule in new[] { "C-01", "C-61" })
            Assert.Contains($"<code>{rule}</code>", html, StringComparison.Ordinal);
        Assert.Contains("Result for NOV-2024", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Cacatua alba\"", html, StringComparison.Ordinal);
        Assert.Equal(["C-01", "C-61"], ShipmentCheckPageTests.OpenBlocks(json));
        Assert.Equal(Requirements(fileJson), Requirements(json));
        Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
        Assert.Contains("NOV-2024-check.json", download.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_with_several_mistakes_gets_each_beside_its_field_at_once_with_the_input_kept()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        await PageForms.SampleUsersAsync(factory);
        using var curator = await PageForms.SignedInAsync(factory, "curator@MOSCOW");

        var page = await PageForms.PostAsync(curator, Page, Page,
            ("Form.FromCountry", "Russia"), ("Form.Date", "20.11.2024"), ("On", "tomorrow"),
            ("Form.Lines[0].Taxon", "Panthera leo"), ("Form.Lines[0].Count", "two"),
            ("Form.Lines[1].Count", "2"), ("Form.Lines[1].Sex", "1.0.0"),
            ("Form.Lines[2].Taxon", ""),
            ("Form.Documents[0].Type", "export-permit"), ("Form.Documents[0].Issuer", "RU"), ("Form.Documents[0].Covers", "1, 9"));
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("verdict-", html, StringComparison.Ordinal);
        Assert.Contains("id=\"problems\"", html, StringComparison.Ordinal);
        Beside(html, "from.country", "'Russia' is not an ISO 3166 two-letter code");
        Beside(html, "to.country", "'country' is required");
        Beside(html, "date", "'20.11.2024' is not a date written YYYY-MM-DD");
        Beside(html, "on", "'tomorrow' is not a date written YYYY-MM-DD.");
        Beside(html, "lines[0].count", "must be a whole number, at least 1");
        Beside(html, "lines[1].taxon", "a line needs the scientific name");
        Beside(html, "lines[1].sex", "1.0.0 counts 1 animals but the line has 2");
        Beside(html, "documents[0].number", "a document needs its number");
        Beside(html, "documents[0].issued", "'issued' is required");
        Beside(html, "documents[0].covers", "the shipment has no line 9");
        foreach (var kept in new[] { "Russia", "20.11.2024", "tomorrow", "Panthera leo", "two", "1.0.0", "1, 9" })
            Assert.Contains($"value=\"{kept}\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"export-permit\" selected=\"selected\">", html, StringComparison.Ordinal);
        // The third row was left blank, and so is not part of the shipment: nothing is said of it.
        Assert.DoesNotContain("problem-lines-2-", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_a_line_brings_the_form_back_with_one_more_row_and_everything_typed()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        await PageForms.SampleUsersAsync(factory);
        using var curator = await PageForms.SignedInAsync(factory, "curator@MOSCOW");

        var first = await curator.GetStringAsync(Page, Ct);
        var page = await PageForms.PostAsync(curator, Page, Page + "?handler=AddLine",
            ("Form.FromCountry", "RU"), ("Form.Lines[0].Taxon", "Ursus arctos"), ("Form.Lines[2].Taxon", "Aix galericulata"),
            ("Form.Lines[1].Taxon", ""), ("Form.Documents[0].Number", "RU-VET-77-2024-4410"));
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync(Ct));

        Assert.Contains("field-lines-2--taxon", first, StringComparison.Ordinal);
        Assert.DoesNotContain("field-lines-3--taxon", first, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("id=\"field-lines-3--taxon\" name=\"Form.Lines[3].Taxon\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("field-lines-4--taxon", html, StringComparison.Ordinal);
        foreach (var kept in new[] { "RU", "Ursus arctos", "Aix galericulata", "RU-VET-77-2024-4410" })
            Assert.Contains($"value=\"{kept}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"problems\"", html, StringComparison.Ordinal);
    }

    private static void Beside(string html, string field, string problem)
    {
        var id = "problem-" + new string(field.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray());
        var at = html.IndexOf($"<p class=\"field-problem\" id=\"{id}\">", StringComparison.Ordinal);
        Assert.True(at >= 0, $"No problem beside {field}.");
        Assert.Contains(problem, html[at..html.IndexOf("</p>", at, StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Matches($"aria-describedby=\"[^\"]*{id}\"", html);
    }

    /// <summary>What a person types into the form, field by field, from a shipment file.</summary>
    private static (string Name, string Value)[] FieldsOf(JsonElement shipment)
    {
        var fields = new List<(string, string)>
        {
            ("Form.Reference", shipment.GetProperty("reference").GetString()!),
            ("Form.FromCountry", shipment.GetProperty("from").GetProperty("country").GetString()!),
            ("Form.FromInstitution", shipment.GetProperty("from").GetProperty("institution").GetString()!),
            ("Form.ToCountry", shipment.GetProperty("to").GetProperty("country").GetString()!),
            ("Form.ToInstitution", shipment.GetProperty("to").GetProperty("institution").GetString()!),
            ("Form.Date", shipment.GetProperty("date").GetString()!),
            ("Form.Purpose", shipment.GetProperty("purpose").GetString()!),
            ("Form.Terms", shipment.GetProperty("terms").GetString()!),
            ("Form.Mode", shipment.GetProperty("transport").GetProperty("mode").GetString()!),
        };
        foreach (var flag in new[] { "StateAircraft", "VeterinarianTravelling" })
        {
            if (shipment.GetProperty("transport").GetProperty(JsonNamingPolicy.CamelCase.ConvertName(flag)).GetBoolean())
                fields.Add(($"Form.{flag}", "true"));
        }
        var i = 0;
        foreach (var line in shipment.GetProperty("lines").EnumerateArray())
        {
            var at = $"Form.Lines[{i++}]";
            foreach (var name in new[] { "taxon", "commonName", "sex", "source", "crate" })
            {
                if (line.TryGetProperty(name, out var value))
                    fields.Add(($"{at}.{char.ToUpperInvariant(name[0])}{name[1..]}", value.GetString()!));
            }
            fields.Add(($"{at}.Count", line.GetProperty("count").GetInt32().ToString(CultureInfo.InvariantCulture)));
            if (line.TryGetProperty("domestic", out var domestic) && domestic.GetBoolean())
                fields.Add(($"{at}.Domestic", "true"));
        }
        i = 0;
        foreach (var document in shipment.GetProperty("documents").EnumerateArray())
        {
            var at = $"Form.Documents[{i++}]";
            fields.Add(($"{at}.Type", document.GetProperty("type").GetString()!));
            fields.Add(($"{at}.Number", document.GetProperty("number").GetString()!));
            fields.Add(($"{at}.Issuer", document.GetProperty("issuer").GetString()!));
            fields.Add(($"{at}.Authority", document.GetProperty("authority").GetString()!));
            fields.Add(($"{at}.Issued", document.GetProperty("issued").GetString()!));
            fields.Add(($"{at}.ValidUntil", document.GetProperty("validUntil").GetString()!));
            if (document.TryGetProperty("covers", out var covers))
                fields.Add(($"{at}.Covers", string.Join(", ", covers.EnumerateArray().Select(c => c.GetProperty("line").GetInt32()))));
        }
        return [.. fields];
    }

    private static string[] Requirements(JsonElement view) =>
        [.. view.GetProperty("requirements").EnumerateArray().Select(r => JsonSerializer.Serialize(r))];
}
