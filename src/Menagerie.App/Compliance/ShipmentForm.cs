using System.Globalization;
using System.Text.Json;

namespace Menagerie.App.Compliance;

/// <summary>
/// A shipment filled in by hand instead of a file: the fields of <c>samples/shipments/shipment.schema.json</c> a
/// person types, kept as typed so that a refused form comes back as it was. <see cref="ToJson"/> writes them as the
/// shipment file they stand for, and <see cref="ShipmentFile"/> reads that file: the form has no rules of its own.
/// </summary>
public sealed class ShipmentForm
{
    public string? Reference { get; set; }

    public string? FromCountry { get; set; }

    public string? FromInstitution { get; set; }

    public string? ToCountry { get; set; }

    public string? ToInstitution { get; set; }

    /// <summary>The day the shipment leaves, yyyy-MM-dd.</summary>
    public string? Date { get; set; }

    public string? Purpose { get; set; }

    public string? Terms { get; set; }

    public string? Mode { get; set; }

    public bool StateAircraft { get; set; }

    public bool VeterinarianTravelling { get; set; }

    /// <summary>Transit states in order, ISO codes separated by commas or spaces.</summary>
    public string? Transit { get; set; }

    public IList<ShipmentFormLine> Lines { get; set; } = [];

    public IList<ShipmentFormDocument> Documents { get; set; } = [];

    private static readonly char[] Separators = [',', ';', ' '];

    /// <summary>
    /// The shipment file this form stands for. Rows left blank at the end are left out; a blank row between filled
    /// ones is written as an empty line, so that the reader names it and no line is silently renumbered (documents
    /// name the lines they cover by number). A value that is not what its field takes (a count of "two") is written
    /// as the text it is, for the reader to report beside its field.
    /// </summary>
    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            Text(json, "reference", Reference);
            Party(json, "from", FromCountry, FromInstitution);
            Party(json, "to", ToCountry, ToInstitution);
            Text(json, "date", Date);
            Text(json, "purpose", Purpose);
            Text(json, "terms", Terms);
            Transport(json);
            json.WriteStartArray("lines");
            foreach (var line in Filled(Lines, l => l.IsBlank))
                line.Write(json);
            json.WriteEndArray();
            json.WriteStartArray("documents");
            foreach (var document in Filled(Documents, d => d.IsBlank))
                document.Write(json);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static IEnumerable<T> Filled<T>(IList<T> rows, Func<T, bool> isBlank)
    {
        var count = rows.Count;
        while (count > 0 && isBlank(rows[count - 1]))
            count--;
        return rows.Take(count);
    }

    private void Transport(Utf8JsonWriter json)
    {
        json.WriteStartObject("transport");
        Text(json, "mode", Mode);
        Flag(json, "stateAircraft", StateAircraft);
        Flag(json, "veterinarianTravelling", VeterinarianTravelling);
        json.WriteStartArray("transit");
        foreach (var state in Split(Transit))
            json.WriteStringValue(state);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    // The parties are always written, so that a missing country is reported beside the country's input.
    private static void Party(Utf8JsonWriter json, string name, string? country, string? institution)
    {
        json.WriteStartObject(name);
        Text(json, "country", country);
        Text(json, "institution", institution);
        json.WriteEndObject();
    }

    internal static void Text(Utf8JsonWriter json, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
            json.WriteString(name, value.Trim());
    }

    internal static void Flag(Utf8JsonWriter json, string name, bool value)
    {
        if (value)
            json.WriteBoolean(name, true);
    }

    internal static void WholeNumber(Utf8JsonWriter json, string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return;
        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            json.WriteNumber(name, number);
        else
            json.WriteString(name, value.Trim());
    }

    internal static IEnumerable<string> Split(string? list) =>
        (list ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

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

    public bool IsBlank => !Domestic && new[] { Taxon, CommonName, Count, Sex, Source, Population, Exemption, Crate }.All(string.IsNullOrWhiteSpace);

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
        ShipmentForm.Text(json, "crate", Crate);
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

    /// <summary>The numbers of the lines covered, separated by commas or spaces; a range written 6-10.</summary>
    public string? Covers { get; set; }

    public bool IsBlank => new[] { Type, Number, Issuer, Authority, Issued, ValidFrom, ValidUntil, Covers }.All(string.IsNullOrWhiteSpace);

    internal void Write(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        ShipmentForm.Text(json, "type", Type);
        ShipmentForm.Text(json, "number", Number);
        ShipmentForm.Text(json, "issuer", Issuer);
        ShipmentForm.Text(json, "authority", Authority);
        ShipmentForm.Text(json, "issued", Issued);
        ShipmentForm.Text(json, "validFrom", ValidFrom);
        ShipmentForm.Text(json, "validUntil", ValidUntil);
        json.WriteStartArray("covers");
        foreach (var item in ShipmentForm.Split(Covers).SelectMany(Lines))
        {
            json.WriteStartObject();
            ShipmentForm.WholeNumber(json, "line", item);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    // 6-10 stands for 6, 7, 8, 9, 10; anything else goes as written, for the reader to judge.
    private static IEnumerable<string> Lines(string item)
    {
        var dash = item.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0
            && int.TryParse(item[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            && int.TryParse(item[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var last)
            && first <= last && last - first < 1000)
            return Enumerable.Range(first, last - first + 1).Select(n => n.ToString(CultureInfo.InvariantCulture));
        return [item];
    }
}
