using System.Globalization;
using System.Text.Json;

namespace Menagerie.App.Compliance;

/// <summary>One line of a <see cref="ShipmentForm"/>: the animals of one taxon, as a shipment file's line.</summary>
public sealed class ShipmentFormLine
{
    /// <summary>The scientific name: a species, or the genus or family when the species is not identified.</summary>
    public string? Taxon { get; set; }

    public string? CommonName { get; set; }

    public string? Count { get; set; }

    /// <summary>male, female, unknown, or counts by sex written 1.1.0.</summary>
    public string? Sex { get; set; }

    public string? Source { get; set; }

    public string? Population { get; set; }

    public string? Exemption { get; set; }

    public bool Domestic { get; set; }

    public string? Crate { get; set; }

    /// <summary>Marks such as transponder:643411732236538, separated by commas or line breaks.</summary>
    public string? Identifiers { get; set; }

    public string? Note { get; set; }

    /// <summary>The operation registered with the CITES Secretariat that bred them (source D).</summary>
    public string? RegisteredOperation { get; set; }

    /// <summary>When they were acquired, yyyy-MM-dd, for a pre-Convention claim.</summary>
    public string? AcquiredOn { get; set; }

    /// <summary>The day of the clinical examination before departure, yyyy-MM-dd.</summary>
    public string? ExaminedOn { get; set; }

    /// <summary>The examining veterinarian's range for these animals, in °C.</summary>
    public string? TemperatureMin { get; set; }

    public string? TemperatureMax { get; set; }

    /// <summary>Animals of one species sharing a crate are known to be compatible.</summary>
    public bool Compatible { get; set; }

    public bool Sedated { get; set; }

    public bool IsBlank =>
        !Domestic && !Compatible && !Sedated
        && new[] { Taxon, CommonName, Count, Sex, Source, Population, Exemption, Crate, Identifiers, Note, RegisteredOperation, AcquiredOn, ExaminedOn, TemperatureMin, TemperatureMax }
            .All(string.IsNullOrWhiteSpace);

    internal void Write(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        ShipmentForm.Text(json, "taxon", Taxon);
        ShipmentForm.Text(json, "commonName", CommonName);
        ShipmentForm.WholeNumber(json, "count", Count);
        ShipmentForm.Text(json, "sex", Sex);
        ShipmentForm.Text(json, "source", Source);
        ShipmentForm.Text(json, "population", Population);
        ShipmentForm.Text(json, "exemption", Exemption);
        ShipmentForm.Flag(json, "domestic", Domestic);
        ShipmentForm.Text(json, "registeredOperation", RegisteredOperation);
        ShipmentForm.Text(json, "acquiredOn", AcquiredOn);
        ShipmentForm.Text(json, "crate", Crate);
        ShipmentForm.Flag(json, "compatible", Compatible);
        ShipmentForm.Flag(json, "sedated", Sedated);
        ShipmentForm.Text(json, "examinedOn", ExaminedOn);
        ShipmentForm.Range(json, "temperature", TemperatureMin, TemperatureMax);
        if (!string.IsNullOrWhiteSpace(Identifiers))
            ShipmentForm.List(json, "identifiers", ShipmentForm.Items(Identifiers));
        ShipmentForm.Text(json, "note", Note);
        json.WriteEndObject();
    }
}

/// <summary>One document held for a <see cref="ShipmentForm"/>, with the lines it covers (blank: the whole shipment).</summary>
public sealed class ShipmentFormDocument
{
    /// <summary>The kind of document as the schema names it: export-permit, veterinary-certificate …</summary>
    public string? Type { get; set; }

    public string? Number { get; set; }

    /// <summary>The issuing state, an ISO code.</summary>
    public string? Issuer { get; set; }

    public string? Authority { get; set; }

    public string? Issued { get; set; }

    public string? ValidFrom { get; set; }

    public string? ValidUntil { get; set; }

    /// <summary>
    /// The numbers of the lines covered, separated by commas or spaces; a range written 6-10, and part of a line as
    /// line:animals (12:20, twenty of line 12's animals).
    /// </summary>
    public string? Covers { get; set; }

    /// <summary>Who signed a Shipper's Certification, as the schema names them: shipper, cargo-agent …</summary>
    public string? SignedBy { get; set; }

    /// <summary>The references of other consignments the document was presented for, separated by commas.</summary>
    public string? AlsoUsedFor { get; set; }

    public bool IsBlank => new[] { Type, Number, Issuer, Authority, Issued, ValidFrom, ValidUntil, Covers, SignedBy, AlsoUsedFor }.All(string.IsNullOrWhiteSpace);

    internal void Write(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        ShipmentForm.Text(json, "type", Type);
        ShipmentForm.Text(json, "number", Number);
        ShipmentForm.Text(json, "signedBy", SignedBy);
        ShipmentForm.Text(json, "issuer", Issuer);
        ShipmentForm.Text(json, "authority", Authority);
        ShipmentForm.Text(json, "issued", Issued);
        ShipmentForm.Text(json, "validFrom", ValidFrom);
        ShipmentForm.Text(json, "validUntil", ValidUntil);
        json.WriteStartArray("covers");
        foreach (var (line, count) in ShipmentForm.Split(PartsOfLines(Covers)).SelectMany(Lines))
        {
            json.WriteStartObject();
            ShipmentForm.WholeNumber(json, "line", line);
            ShipmentForm.WholeNumber(json, "count", count);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        ShipmentForm.List(json, "alsoUsedFor", ShipmentForm.Items(AlsoUsedFor));
        json.WriteEndObject();
    }

    // 6-10 stands for 6, 7, 8, 9, 10 and 12:20 for twenty of line 12; anything else goes as written, for the reader to judge.
    private static IEnumerable<(string Line, string? Count)> Lines(string item)
    {
        var colon = item.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
            return [(item[..colon], item[(colon + 1)..])];
        var dash = item.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0
            && int.TryParse(item[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            && int.TryParse(item[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var last)
            && first <= last && last - first < 1000)
            return Enumerable.Range(first, last - first + 1).Select(n => (n.ToString(CultureInfo.InvariantCulture), (string?)null));
        return [(item, null)];
    }

    // "12 : 20" is one item, as "12:20" is.
    private static string PartsOfLines(string? covers) => string.Join(':', (covers ?? "").Split(':').Select(s => s.Trim()));
}
