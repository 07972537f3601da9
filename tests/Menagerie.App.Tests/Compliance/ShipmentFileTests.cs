using System.Text;
using System.Text.Json;
using Json.Schema;
using Menagerie.App.Compliance;
using Menagerie.Domain.Compliance;
using Menagerie.Domain.Documents;

namespace Menagerie.App.Tests.Compliance;

public sealed class ShipmentFileTests
{
    // The schema registers itself by its $id: build it once per test run.
    internal static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "shipments", "shipment.schema.json")));

    public static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "shipments", name);

    [Fact]
    public async Task The_sample_shipments_read_whole()
    {
        var (november, problems) = await ShipmentFile.ReadAsync(Sample("2024-11-moscow-pyongyang.json"), TestContext.Current.CancellationToken);

        Assert.Empty(problems);
        Assert.Equal(("RU", "KP", new DateOnly(2024, 11, 20), 12, 75), (november!.Exporter, november.Importer, november.Date, november.Lines.Count, november.Lines.Sum(l => l.Count)));
        Assert.Equal(("Phasianidae", 25, 'C'), (november.Lines[10].Taxon, november.Lines[10].Count, november.Lines[10].Source));
        Assert.True(november.Transport.StateAircraft);
        var permit = november.Documents[0];
        Assert.Equal((DocumentType.CitesExportPermit, "RU", 8), (permit.Type, permit.IssuingState, permit.Covers.Count));
    }

    [Fact]
    public void Every_problem_of_a_file_is_named_with_its_line_and_field_and_nothing_is_read()
    {
        const string text = """
            {
              "from": { "country": "Russia" },
              "to": { "country": "KP" },
              "date": "20.11.2024",
              "purpose": "X",
              "lines": [
                { "taxon": "Panthera leo", "count": 1 },
                { "taxon": "", "count": 0, "cuont": 2 },
                { "taxon": "Ursus arctos", "count": 2, "sex": "1.0.0", "source": "Q" }
              ],
              "documents": [
                { "type": "export-licence", "number": "1", "issuer": "RU", "issued": "2024-11-01", "validUntil": "2024-10-01", "covers": [ { "line": 4 } ] }
              ]
            }
            """;

        var (shipment, problems) = ShipmentFile.Read(Encoding.UTF8.GetBytes(text), "bad.json");

        Assert.Null(shipment);
        var found = problems.Select(p => (p.Line, p.Field)).ToList();
        Assert.Equal(
            [
                (2, "from.country"), (4, "date"), (5, "purpose"), (8, "lines[1].cuont"), (8, "lines[1].taxon"), (8, "lines[1].count"),
                (9, "lines[2].sex"), (9, "lines[2].source"), (12, "documents[0].type"), (12, "documents[0].validUntil"), (12, "documents[0].covers[0].line"),
            ],
            found);
        Assert.All(problems, p => Assert.Equal("bad.json", p.File));
        Assert.Contains("the shipment has no line 4", problems[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_JSON_is_refused_with_the_line_of_the_fault()
    {
        var (shipment, problems) = ShipmentFile.Read(Encoding.UTF8.GetBytes("{\n  \"from\": {\n  \"to\" ]\n}"), "broken.json");

        Assert.Null(shipment);
        Assert.Equal((3, "json"), (Assert.Single(problems).Line, problems[0].Field));
    }

    [Theory]
    [InlineData("2024-11-moscow-pyongyang.json")]
    [InlineData("2024-04-moscow-pyongyang.json")]
    public void The_samples_follow_the_published_schema(string name)
    {
        var schema = Schema.Value;

        var result = schema.Evaluate(JsonDocument.Parse(File.ReadAllText(Sample(name))).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("; ", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Fact]
    public void The_schema_refuses_what_the_reader_refuses()
    {
        var schema = Schema.Value;
        var node = JsonDocument.Parse("""{ "from": { "country": "RU" }, "to": { "country": "KP" }, "date": "2024-11-20", "lines": [ { "taxon": "Panthera leo", "count": 0, "cuont": 1 } ] }""");

        Assert.False(schema.Evaluate(node.RootElement).IsValid);
    }

    [Fact]
    public void Exemptions_terms_and_counts_are_read_as_people_write_them()
    {
        const string text = """
            { "from": { "country": "ru" }, "to": { "country": "de" }, "date": "2024-05-01", "terms": "loan-return",
              "lines": [ { "taxon": "Ursus  arctos", "count": 2, "sex": "1.1.0", "exemption": "registered-captive-breeding", "population": "cn" } ] }
            """;

        var (shipment, problems) = ShipmentFile.Read(Encoding.UTF8.GetBytes(text), "ok.json");

        Assert.Empty(problems);
        Assert.Equal(("RU", "DE", Exemption.RegisteredCaptiveBreeding, "CN"), (shipment!.Exporter, shipment.Importer, shipment.Lines[0].Exemption, shipment.Lines[0].Population));
    }

    [Fact]
    public void An_air_waybill_and_who_signed_the_certification_are_read_and_an_unknown_signer_is_named_with_its_line()
    {
        const string text = """
            { "from": { "country": "RU" }, "to": { "country": "DE" }, "date": "2024-05-01",
              "transport": { "airWaybill": { "number": "555-12345675", "otherGoods": true, "handlingCodes": ["AVI"] } },
              "lines": [ { "taxon": "Cacatua alba", "count": 1 } ],
              "documents": [
                { "type": "shippers-certification", "number": "SC-1", "issuer": "RU", "issued": "2024-04-30", "signedBy": "authorised-agent" }
              ] }
            """;
        var wrong = text.Replace("authorised-agent", "pilot", StringComparison.Ordinal);

        var (shipment, problems) = ShipmentFile.Read(Encoding.UTF8.GetBytes(text), "air.json");
        var (_, refused) = ShipmentFile.Read(Encoding.UTF8.GetBytes(wrong), "air.json");

        Assert.Empty(problems);
        Assert.Equal(("555-12345675", true, CertificationSigner.AuthorisedAgent),
            (shipment!.Transport.AirWaybill!.Number, shipment.Transport.AirWaybill.OtherGoods, shipment.Documents[0].SignedBy));
        Assert.Equal((5, "documents[0].signedBy"), (Assert.Single(refused).Line, refused[0].Field));
        Assert.True(Schema.Value.Evaluate(JsonDocument.Parse(text).RootElement).IsValid);
        Assert.False(Schema.Value.Evaluate(JsonDocument.Parse(wrong).RootElement).IsValid);
    }
}
