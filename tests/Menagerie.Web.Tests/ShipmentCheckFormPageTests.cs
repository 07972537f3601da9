using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
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

    /// <summary>
    /// A red panda re-exported from Moscow to Berlin with six mandarin ducks, written with the schema's rarer fields, each
    /// of which changes the answer: the re-export certificate serves instead of an export permit (C-14), yet was presented
    /// for another consignment too (C-53); the panda was examined 11 days before departure where the importer allows 5
    /// (V-02); the Shipper's Certification is signed by a forwarder (T-14); the air waybill lists other goods (T-15); the
    /// sedated panda has no veterinarian with it (W-06); quarantine is recorded (V-04); the cold forecast has its plan (W-01).
    /// </summary>
    private const string RedPanda = """
        {
          "reference": "RARE-2026",
          "description": "A red panda re-exported from Moscow to Berlin, with six mandarin ducks",
          "from": { "country": "RU", "institution": "Moscow Zoo" },
          "to": { "country": "DE", "institution": "Berlin Zoo" },
          "date": "2026-12-01",
          "purpose": "Z",
          "terms": "gift",
          "reExport": true,
          "cooperativeProgramme": "EEP Ailurus fulgens",
          "quarantine": "30 days in isolation at Berlin",
          "examinationWindowDays": 5,
          "transport": {
            "mode": "air",
            "transit": ["PL"],
            "forecast": { "min": -8, "max": 4.5 },
            "temperaturePlan": "Heated truck to the aircraft",
            "equipmentReturned": true,
            "airWaybill": { "number": "555-12345675", "otherGoods": true, "handlingCodes": ["AVI"] }
          },
          "lines": [
            { "taxon": "Ailurus fulgens", "commonName": "Red panda", "count": 1, "sex": "female", "source": "C", "crate": "P-1",
              "examinedOn": "2026-11-20", "temperature": { "min": -10, "max": 20 }, "sedated": true,
              "identifiers": ["transponder:643411732236538"], "note": "Bamboo for the journey" },
            { "taxon": "Aix galericulata", "commonName": "Mandarin duck", "count": 6, "sex": "3.3.0", "source": "C", "crate": "D-1",
              "compatible": true, "acquiredOn": "2020-05-01" }
          ],
          "documents": [
            { "type": "re-export-certificate", "number": "RU-2026-RE-0042", "issuer": "RU", "authority": "Rosprirodnadzor", "issued": "2026-11-10",
              "validUntil": "2027-05-10", "covers": [ { "line": 1 } ], "alsoUsedFor": ["MOS-BER-2026-07"] },
            { "type": "shippers-certification", "number": "SC-2026-11", "issuer": "RU", "issued": "2026-11-28", "signedBy": "forwarder" },
            { "type": "veterinary-certificate", "number": "RU-VET-2026-1", "issuer": "RU", "issued": "2026-11-27", "covers": [ { "line": 2, "count": 6 } ] }
          ]
        }
        """;

    [Fact]
    public async Task A_form_filled_with_the_rarer_fields_gets_the_answer_its_file_gets_on_the_check_page()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        await PageForms.SampleUsersAsync(factory);
        using var curator = await PageForms.SignedInAsync(factory, "curator@MOSCOW");
        var fields = FieldsOf(JsonDocument.Parse(RedPanda).RootElement);

        var download = await PageForms.PostAsync(curator, Page, Page + "?handler=Json", fields);
        var json = JsonDocument.Parse(await download.Content.ReadAsStringAsync(Ct)).RootElement;
        var file = await ShipmentCheckPageTests.SendAsync(curator, "/compliance/check?handler=Json", Encoding.UTF8.GetBytes(RedPanda));
        var fileJson = JsonDocument.Parse(await file.Content.ReadAsStringAsync(Ct)).RootElement;
        var page = await PageForms.PostAsync(curator, Page, Page, fields);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(Requirements(fileJson), Requirements(json));
        // The sample's Russia has its authority approve what leaves it, and this file holds no ministry approval (L-04).
        Assert.Equal(["C-11", "C-53", "L-04", "T-14", "T-15", "V-01", "V-02", "W-06"], ShipmentCheckPageTests.OpenBlocks(json));
        Assert.Equal(["satisfied"], Statuses(json, "C-14"));
        Assert.Empty(Statuses(json, "C-10"));
        Assert.Equal(["expired", "satisfied"], Statuses(json, "V-02"));
        Assert.Equal(["satisfied"], Statuses(json, "V-04"));
        Assert.Equal(["satisfied"], Statuses(json, "W-01"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("verdict-blocked", html, StringComparison.Ordinal);
        Assert.Contains("(at most 5 allowed)", html, StringComparison.Ordinal);
        // What was typed in the folded fields comes back, and they are open to show it.
        foreach (var kept in new[] { "555-12345675", "4.5", "transponder:643411732236538", "2026-11-20", "MOS-BER-2026-07", "2:6" })
            Assert.Contains($"value=\"{kept}\"", html, StringComparison.Ordinal);
        Assert.Contains(">30 days in isolation at Berlin</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"forwarder\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.Matches("id=\"field-lines-0--sedated\"[^>]*checked=\"checked\"", html);
        Assert.Equal(6, Regex.Count(html, "<details class=\"more\" open=\"open\">"));
    }

    [Fact]
    public async Task A_bad_value_in_a_rarer_field_comes_back_beside_it_unfolded_with_the_input_kept()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        await PageForms.SampleUsersAsync(factory);
        using var curator = await PageForms.SignedInAsync(factory, "curator@MOSCOW");

        var page = await PageForms.PostAsync(curator, Page, Page,
            ("Form.FromCountry", "RU"), ("Form.ToCountry", "DE"), ("Form.Date", "2026-12-01"), ("Form.ExaminationWindowDays", "-3"),
            ("Form.ForecastMin", "cold"), ("Form.ForecastMax", "4"),
            ("Form.Lines[0].Taxon", "Ailurus fulgens"), ("Form.Lines[0].Count", "1"), ("Form.Lines[0].ExaminedOn", "20.11.2026"),
            ("Form.Lines[0].TemperatureMin", "20"), ("Form.Lines[0].TemperatureMax", "-10"),
            ("Form.Lines[1].Taxon", "Aix galericulata"), ("Form.Lines[1].Count", "6"),
            ("Form.Documents[0].Type", "veterinary-certificate"), ("Form.Documents[0].Number", "RU-VET-2026-1"), ("Form.Documents[0].Issuer", "RU"),
            ("Form.Documents[0].Issued", "2026-11-27"), ("Form.Documents[0].Covers", "1, 2:7"));
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("verdict-", html, StringComparison.Ordinal);
        Beside(html, "examinationWindowDays", "must be a whole number, at least 0");
        Beside(html, "transport.forecast", "write a temperature range as");
        Beside(html, "lines[0].examinedOn", "'20.11.2026' is not a date written YYYY-MM-DD");
        Beside(html, "lines[0].temperature", "min is above max");
        Beside(html, "documents[0].covers", "line 2 has 6 animals; a document cannot cover 7");
        foreach (var kept in new[] { "-3", "cold", "20.11.2026", "20", "-10", "1, 2:7" })
            Assert.Contains($"value=\"{kept}\"", html, StringComparison.Ordinal);
        // The shipment's, the transport's and the first line's folded fields open on their problems; the second line's stay folded.
        Assert.Equal(3, Regex.Count(html, "<details class=\"more\" open=\"open\">"));
        Assert.Contains("href=\"#field-lines-0--temperature\"", html, StringComparison.Ordinal);
        Assert.Matches("id=\"field-lines-0--temperature-max\"[^>]*aria-describedby=\"problem-lines-0--temperature\"", html);
    }

    private static void Beside(string html, string field, string problem)
    {
        var id = "problem-" + new string(field.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray());
        var at = html.IndexOf($"<p class=\"field-problem\" id=\"{id}\">", StringComparison.Ordinal);
        Assert.True(at >= 0, $"No problem beside {field}.");
        Assert.Contains(problem, html[at..html.IndexOf("</p>", at, StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Matches($"aria-describedby=\"[^\"]*{id}\"", html);
    }

    /// <summary>What a person types into the form, field by field, from a shipment file: every field of the schema.</summary>
    private static (string Name, string Value)[] FieldsOf(JsonElement shipment) => [.. Fields(shipment, "Form.")];

    private static IEnumerable<(string Name, string Value)> Fields(JsonElement element, string prefix)
    {
        foreach (var property in element.EnumerateObject())
        {
            var name = prefix + char.ToUpperInvariant(property.Name[0]) + property.Name[1..];
            var value = property.Value;
            IEnumerable<(string Name, string Value)> fields = (property.Name, value.ValueKind) switch
            {
                ("$schema", _) => [],
                ("lines" or "documents", _) => value.EnumerateArray().SelectMany((row, i) => Fields(row, $"{name}[{i}].")),
                ("transport", _) => Fields(value, prefix),
                // The air waybill's number has an input of its own; its other fields sit beside the transport's.
                ("airWaybill", _) => Fields(value, prefix).Select(f => f.Name == prefix + "Number" ? (prefix + "AirWaybill", f.Value) : f),
                ("covers", _) => [(name, string.Join(", ", value.EnumerateArray().Select(c =>
                    c.GetProperty("line").GetInt32() + (c.TryGetProperty("count", out var count) ? $":{count.GetInt32()}" : ""))))],
                (_, JsonValueKind.Object) => Fields(value, name),
                (_, JsonValueKind.Array) => [(name, string.Join(", ", value.EnumerateArray().Select(v => v.GetString())))],
                (_, JsonValueKind.True) => [(name, "true")],
                (_, JsonValueKind.False) => [],
                (_, JsonValueKind.Number) => [(name, value.GetRawText())],
                _ => new[] { (name, value.GetString()!) },
            };
            foreach (var field in fields)
                yield return field;
        }
    }

    private static string[] Statuses(JsonElement view, string rule) =>
        [.. view.GetProperty("requirements").EnumerateArray().Where(r => r.GetProperty("rule").GetString() == rule).Select(r => r.GetProperty("status").GetString()!).Order(StringComparer.Ordinal)];

    private static string[] Requirements(JsonElement view) =>
        [.. view.GetProperty("requirements").EnumerateArray().Select(r => JsonSerializer.Serialize(r))];
}
