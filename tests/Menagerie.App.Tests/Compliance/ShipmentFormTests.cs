using System.Text.Json;
using Json.Schema;
using Menagerie.App.Compliance;
using Menagerie.Domain.Compliance;

namespace Menagerie.App.Tests.Compliance;

public sealed class ShipmentFormTests
{
    private static ShipmentForm Everything() => new()
    {
        Reference = "TIGER-2026",
        Description = "An Amur tiger to Prague",
        FromCountry = "ru",
        FromInstitution = "Moscow Zoo",
        ToCountry = "CZ",
        ToInstitution = "Prague Zoo",
        Date = "2026-12-01",
        Purpose = "B",
        Terms = "loan",
        ReExport = true,
        CooperativeProgramme = "EEP Panthera tigris altaica",
        CommercialityAssessment = "Breeding loan, no payment",
        Quarantine = "30 days at Prague",
        ExaminationWindowDays = "5",
        Mode = "air",
        StateAircraft = false,
        VeterinarianTravelling = true,
        Transit = "PL",
        ForecastMin = "-8,5",
        ForecastMax = "4",
        TemperaturePlan = "Heated truck to the aircraft",
        EquipmentReturned = true,
        AirWaybill = "555-12345675",
        OtherGoods = true,
        HandlingCodes = "AVI, PER",
        Lines =
        {
            new()
            {
                Taxon = "Panthera tigris altaica", Count = "1", Sex = "male", Source = "C", Crate = "T-1", Identifiers = "transponder:643411732236538, studbook:EEP-PTA-1412",
                Note = "Eats beef", RegisteredOperation = "A-RU-501", AcquiredOn = "2015-06-01", ExaminedOn = "2026-11-20", TemperatureMin = "-10", TemperatureMax = "20",
                Compatible = true, Sedated = true,
            },
            new(),
        },
        Documents =
        {
            new() { Type = "shippers-certification", Number = "SC-1", Issuer = "RU", Issued = "2026-11-25", SignedBy = "forwarder", AlsoUsedFor = "OTHER-1; OTHER 2", Covers = "1 : 1" },
        },
    };

    [Fact]
    public void A_form_with_every_field_is_written_as_a_file_the_schema_takes_and_the_reader_reads_whole()
    {
        var json = Everything().ToJson();

        var result = ShipmentFileTests.Schema.Value.Evaluate(JsonDocument.Parse(json).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var (shipment, problems) = ShipmentFile.Read(json, "form");

        Assert.True(result.IsValid, string.Join("; ", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        Assert.Empty(problems);
        Assert.Equal((true, "EEP Panthera tigris altaica", "Breeding loan, no payment", "30 days at Prague", 5),
            (shipment!.ReExport, shipment.CooperativeProgramme, shipment.CommercialityAssessment, shipment.Quarantine, shipment.ExaminationWindowDays));
        var transport = shipment.Transport;
        Assert.Equal((new TemperatureRange(-8.5m, 4m), "Heated truck to the aircraft", (bool?)true), (transport.Forecast, transport.TemperaturePlan, transport.EquipmentReturned));
        Assert.Equal(("555-12345675", true), (transport.AirWaybill!.Number, transport.AirWaybill.OtherGoods));
        Assert.Equal(["AVI", "PER"], transport.AirWaybill.HandlingCodes);
        var line = Assert.Single(shipment.Lines);
        Assert.Equal(("A-RU-501", new DateOnly(2015, 6, 1), new DateOnly(2026, 11, 20), new TemperatureRange(-10, 20), true, true),
            (line.RegisteredOperation, line.AcquiredOn, line.ExaminedOn, line.Temperature, line.Compatible, line.Sedated));
        var document = Assert.Single(shipment.Documents);
        Assert.Equal(CertificationSigner.Forwarder, document.SignedBy);
        Assert.Equal(["OTHER-1", "OTHER 2"], document.AlsoUsedFor);
        Assert.Equal([(1, (int?)1)], document.Covers);
        var written = JsonDocument.Parse(json).RootElement.GetProperty("lines")[0];
        Assert.Equal(["transponder:643411732236538", "studbook:EEP-PTA-1412"], written.GetProperty("identifiers").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal("Eats beef", written.GetProperty("note").GetString());
    }

    [Fact]
    public void Rare_fields_left_blank_are_not_written_and_the_schemas_defaults_apply()
    {
        var form = new ShipmentForm { FromCountry = "RU", ToCountry = "KP", Date = "2024-11-20", Lines = { new() { Taxon = "Panthera leo", Count = "1" } } };

        var json = JsonDocument.Parse(form.ToJson()).RootElement;
        var (shipment, problems) = ShipmentFile.Read(form.ToJson(), "form");

        Assert.Empty(problems);
        Assert.False(json.TryGetProperty("examinationWindowDays", out _));
        Assert.False(json.GetProperty("transport").TryGetProperty("airWaybill", out _));
        Assert.False(json.GetProperty("transport").TryGetProperty("forecast", out _));
        Assert.False(json.GetProperty("lines")[0].TryGetProperty("temperature", out _));
        Assert.Equal((10, false, (AirWaybill?)null, (bool?)null), (shipment!.ExaminationWindowDays, shipment.ReExport, shipment.Transport.AirWaybill, shipment.Transport.EquipmentReturned));
    }

    [Fact]
    public void A_range_with_one_end_or_a_word_and_a_part_of_a_line_too_large_are_left_for_the_reader_to_name()
    {
        var form = new ShipmentForm
        {
            FromCountry = "RU",
            ToCountry = "KP",
            Date = "2024-11-20",
            ExaminationWindowDays = "-1",
            ForecastMin = "cold",
            Lines = { new() { Taxon = "Aix galericulata", Count = "40", TemperatureMax = "20" } },
            Documents = { new() { Type = "export-permit", Number = "1", Issuer = "RU", Issued = "2024-11-01", Covers = "1:41" } },
        };

        var (shipment, problems) = ShipmentFile.Read(form.ToJson(), "form");

        Assert.Null(shipment);
        Assert.Equal(["documents[0].covers[0].count", "examinationWindowDays", "lines[0].temperature", "transport.forecast"], problems.Select(p => p.Field).Order(StringComparer.Ordinal));
    }
}
