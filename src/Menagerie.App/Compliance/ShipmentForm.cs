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

    public string? Description { get; set; }

    public string? FromCountry { get; set; }

    public string? FromInstitution { get; set; }

    public string? ToCountry { get; set; }

    public string? ToInstitution { get; set; }

    /// <summary>The day the shipment leaves, yyyy-MM-dd.</summary>
    public string? Date { get; set; }

    public string? Purpose { get; set; }

    public string? Terms { get; set; }

    /// <summary>The exporter re-exports animals it imported: a re-export certificate instead of an export permit.</summary>
    public bool ReExport { get; set; }

    public string? CooperativeProgramme { get; set; }

    /// <summary>A Res. Conf. 5.10 assessment that non-commercial aspects clearly predominate.</summary>
    public string? CommercialityAssessment { get; set; }

    /// <summary>Pre-export isolation and post-arrival quarantine: where and how many days.</summary>
    public string? Quarantine { get; set; }

    /// <summary>How many days before departure the clinical examination may be; blank for the schema's 10.</summary>
    public string? ExaminationWindowDays { get; set; }

    public string? Mode { get; set; }

    public bool StateAircraft { get; set; }

    public bool VeterinarianTravelling { get; set; }

    /// <summary>Transit states in order, ISO codes separated by commas or spaces.</summary>
    public string? Transit { get; set; }

    /// <summary>The lowest and highest ground temperatures forecast at origin, transit and destination, in °C.</summary>
    public string? ForecastMin { get; set; }

    public string? ForecastMax { get; set; }

    public string? TemperaturePlan { get; set; }

    /// <summary>Crates and equipment come back rather than stay at the destination.</summary>
    public bool EquipmentReturned { get; set; }

    /// <summary>The air waybill's number; with <see cref="OtherGoods"/> and <see cref="HandlingCodes"/>, blank when no airline carries them.</summary>
    public string? AirWaybill { get; set; }

    public bool OtherGoods { get; set; }

    /// <summary>Special handling codes, separated by commas or spaces (AVI).</summary>
    public string? HandlingCodes { get; set; }

    public IList<ShipmentFormLine> Lines { get; set; } = [];

    public IList<ShipmentFormDocument> Documents { get; set; } = [];

    private static readonly char[] Separators = [',', ';', ' '];

    // Identifiers and references may hold spaces: only commas, semicolons and line breaks part them.
    private static readonly char[] ItemSeparators = [',', ';', '\n', '\r'];

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
            Text(json, "description", Description);
            Party(json, "from", FromCountry, FromInstitution);
            Party(json, "to", ToCountry, ToInstitution);
            Text(json, "date", Date);
            Text(json, "purpose", Purpose);
            Text(json, "terms", Terms);
            Flag(json, "reExport", ReExport);
            Text(json, "cooperativeProgramme", CooperativeProgramme);
            Text(json, "commercialityAssessment", CommercialityAssessment);
            Text(json, "quarantine", Quarantine);
            WholeNumber(json, "examinationWindowDays", ExaminationWindowDays);
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
        List(json, "transit", Split(Transit));
        Range(json, "forecast", ForecastMin, ForecastMax);
        Text(json, "temperaturePlan", TemperaturePlan);
        Flag(json, "equipmentReturned", EquipmentReturned);
        if (!string.IsNullOrWhiteSpace(AirWaybill) || OtherGoods || !string.IsNullOrWhiteSpace(HandlingCodes))
        {
            json.WriteStartObject("airWaybill");
            Text(json, "number", AirWaybill);
            Flag(json, "otherGoods", OtherGoods);
            List(json, "handlingCodes", Split(HandlingCodes));
            json.WriteEndObject();
        }
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

    /// <summary>
    /// A temperature range written only when either end is given, so that one end alone is reported; a decimal comma
    /// is read as the point it means, and a value that is not a number is written as the text it is.
    /// </summary>
    internal static void Range(Utf8JsonWriter json, string name, string? min, string? max)
    {
        if (string.IsNullOrWhiteSpace(min) && string.IsNullOrWhiteSpace(max))
            return;
        json.WriteStartObject(name);
        Decimal(json, "min", min);
        Decimal(json, "max", max);
        json.WriteEndObject();
    }

    private static void Decimal(Utf8JsonWriter json, string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return;
        var text = value.Trim();
        if (decimal.TryParse(text.Replace(',', '.').Replace('\u2212', '-'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            json.WriteNumber(name, number);
        else
            json.WriteString(name, text);
    }

    internal static void List(Utf8JsonWriter json, string name, IEnumerable<string> items)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
            json.WriteStringValue(item);
        json.WriteEndArray();
    }

    internal static IEnumerable<string> Split(string? list) =>
        (list ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal static IEnumerable<string> Items(string? list) =>
        (list ?? "").Split(ItemSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
