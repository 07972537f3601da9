using System.Globalization;
using System.Text.Json;
using Menagerie.App.Files;
using Menagerie.Domain;
using Menagerie.Domain.Compliance;
using Menagerie.Domain.Documents;
using Menagerie.Domain.Specimens;
using Menagerie.Domain.Transfers;

namespace Menagerie.App.Compliance;

/// <summary>
/// Reads a shipment file (JSON, described by <c>samples/shipments/shipment.schema.json</c>) into a
/// <see cref="Shipment"/>. Every problem is reported at once, each with the file, the line, the field
/// (a JSON path such as <c>lines[2].count</c>, counted from 0) and what is wrong; nothing is checked
/// while any remains.
/// </summary>
public static class ShipmentFile
{
    private static readonly string[] ShipmentFields =
        ["$schema", "reference", "description", "from", "to", "date", "purpose", "terms", "reExport", "cooperativeProgramme", "commercialityAssessment", "quarantine", "examinationWindowDays", "transport", "lines", "documents"];

    private static readonly string[] PartyFields = ["country", "institution"];
    private static readonly string[] TransportFields = ["mode", "stateAircraft", "transit", "veterinarianTravelling", "forecast", "temperaturePlan", "equipmentReturned", "airWaybill"];

    private static readonly string[] LineFields =
        ["taxon", "commonName", "count", "sex", "source", "population", "domestic", "exemption", "registeredOperation", "acquiredOn", "crate", "compatible", "sedated", "examinedOn", "temperature", "identifiers", "note"];

    private static readonly string[] DocumentFields = ["type", "number", "issuer", "authority", "issued", "validFrom", "validUntil", "covers", "alsoUsedFor", "signedBy"];
    private static readonly string[] SourceCodes = ["W", "R", "D", "A", "C", "F", "I", "U", "O", "X", "Y"];
    private static readonly string[] PurposeCodes = ["T", "Z", "G", "Q", "S", "H", "P", "M", "E", "N", "B", "L"];

    public static async Task<(Shipment? Shipment, IReadOnlyList<InputProblem> Problems)> ReadAsync(string path, CancellationToken ct)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, [new(path, 0, "file", $"cannot be read: {e.Message}")]);
        }
        return Read(bytes, path);
    }

    public static (Shipment? Shipment, IReadOnlyList<InputProblem> Problems) Read(byte[] utf8, string file)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            return (null, [new(file, (int)(e.LineNumber ?? 0) + 1, "json", JsonInput.Problem(e, null, JsonSerializerOptions.Default).Message)]);
        }
        using (document)
        {
            var reader = new Reader(file, JsonLineMap.Of(utf8));
            var shipment = reader.Shipment(document.RootElement);
            return reader.Problems.Count > 0 ? (null, reader.Problems) : (shipment, []);
        }
    }

    private sealed class Reader(string file, JsonLineMap lines)
    {
        public List<InputProblem> Problems { get; } = [];

        private void Problem(string path, string message) => Problems.Add(new(file, lines[path], path, message));

        public Shipment? Shipment(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                Problem("", "a shipment file holds one JSON object");
                return null;
            }
            if (!root.TryGetProperty("lines", out _) && (root.TryGetProperty("legs", out _) || root.TryGetProperty("hold", out _)))
            {
                Problem("", "this is a journey file (it has legs or a hold), not a shipment: record it with 'menagerie transport journey'; a shipment has from, to, date and lines");
                return null;
            }
            Known(root, "", ShipmentFields);
            var exporter = Country(Object(root, "from", required: true), "from");
            var importer = Country(Object(root, "to", required: true), "to");
            var date = Date(root, "date", "", required: true);
            var purpose = Code(root, "purpose", "", PurposeCodes) ?? 'Z';
            var terms = Word(root, "terms", "", TransferTerms.Gift);
            var window = Integer(root, "examinationWindowDays", "", 10, min: 0);
            var transport = Transport(Object(root, "transport", required: false));
            var shipmentLines = Array(root, "lines", "", required: true).Select((l, i) => Line(l, i)).ToList();
            if (root.TryGetProperty("lines", out var l) && l.ValueKind == JsonValueKind.Array && l.GetArrayLength() == 0)
                Problem("lines", "a shipment has at least one line");
            var documents = Array(root, "documents", "", required: false).Select((d, i) => Document(d, i, shipmentLines)).ToList();
            if (Problems.Count > 0)
                return null;
            return new Shipment
            {
                Reference = Text(root, "reference", "") ?? "",
                Exporter = exporter!,
                Importer = importer!,
                Date = date!.Value,
                Purpose = purpose,
                Terms = terms,
                ReExport = Bool(root, "reExport", ""),
                CooperativeProgramme = Text(root, "cooperativeProgramme", ""),
                CommercialityAssessment = Text(root, "commercialityAssessment", ""),
                Quarantine = Text(root, "quarantine", ""),
                ExaminationWindowDays = window,
                Transport = transport,
                Lines = shipmentLines!,
                Documents = documents!,
            };
        }

        private string? Country(JsonElement? party, string path)
        {
            if (party is not { } p)
                return null;
            Known(p, path, PartyFields);
            return State(p, "country", path, required: true);
        }

        private ShipmentTransport Transport(JsonElement? element)
        {
            if (element is not { } t)
                return new();
            const string path = "transport";
            Known(t, path, TransportFields);
            return new ShipmentTransport
            {
                Mode = Word(t, "mode", path, TransportMode.Air),
                StateAircraft = Bool(t, "stateAircraft", path),
                Transit = [.. Array(t, "transit", path, required: false).Select((s, i) => StateValue(s, $"{path}.transit[{i}]")).OfType<string>()],
                VeterinarianTravelling = Bool(t, "veterinarianTravelling", path),
                Forecast = Range(t, "forecast", path),
                TemperaturePlan = Text(t, "temperaturePlan", path),
                EquipmentReturned = t.TryGetProperty("equipmentReturned", out var r) && r.ValueKind != JsonValueKind.Null ? Bool(t, "equipmentReturned", path) : null,
                AirWaybill = Waybill(Object(t, "airWaybill", required: false)),
            };
        }

        private AirWaybill? Waybill(JsonElement? element)
        {
            if (element is not { } w)
                return null;
            const string path = "transport.airWaybill";
            Known(w, path, ["number", "otherGoods", "handlingCodes"]);
            return new AirWaybill
            {
                Number = Text(w, "number", path) ?? "",
                OtherGoods = Bool(w, "otherGoods", path),
                HandlingCodes = [.. Array(w, "handlingCodes", path, required: false).Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.ToString())],
            };
        }

        private ShipmentLine? Line(JsonElement line, int index)
        {
            var path = $"lines[{index}]";
            if (line.ValueKind != JsonValueKind.Object)
            {
                Problem(path, "a line is an object with taxon and count");
                return null;
            }
            Known(line, path, LineFields);
            var taxon = Text(line, "taxon", path);
            if (taxon is null)
                Problem($"{path}.taxon", "a line needs the scientific name of its animals (a species, or the genus or family when not identified)");
            var count = Integer(line, "count", path, 0, min: 1, required: true);
            var sex = Text(line, "sex", path);
            if (sex is not null && !Words.TryParse<Sex>(sex, out _))
            {
                if (!SexCounts.TryParse(sex, out var counts))
                    Problem($"{path}.sex", $"'{sex}' is not male, female, unknown or counts written 1.1.0");
                else if (counts.Total != count)
                    Problem($"{path}.sex", $"{sex} counts {counts.Total} animals but the line has {count}");
            }
            return new ShipmentLine
            {
                Number = index + 1,
                Taxon = taxon ?? "",
                Count = count,
                Sex = sex,
                Source = Code(line, "source", path, SourceCodes),
                Population = State(line, "population", path, required: false),
                Domestic = Bool(line, "domestic", path),
                Exemption = Word(line, "exemption", path, Exemption.None),
                RegisteredOperation = Text(line, "registeredOperation", path),
                AcquiredOn = Date(line, "acquiredOn", path, required: false),
                Crate = Text(line, "crate", path),
                Compatible = Bool(line, "compatible", path),
                Sedated = Bool(line, "sedated", path),
                ExaminedOn = Date(line, "examinedOn", path, required: false),
                Temperature = Range(line, "temperature", path),
            };
        }

        private ShipmentDocument? Document(JsonElement document, int index, List<ShipmentLine?> shipmentLines)
        {
            var path = $"documents[{index}]";
            if (document.ValueKind != JsonValueKind.Object)
            {
                Problem(path, "a document is an object with type, number, issuer and issued");
                return null;
            }
            Known(document, path, DocumentFields);
            var typeName = Text(document, "type", path);
            DocumentType type = default;
            if (typeName is null || !DocumentNames.TryParse(typeName, out type))
                Problem($"{path}.type", $"'{typeName}' is not a kind of document: {string.Join(", ", DocumentNames.All)}");
            var number = Text(document, "number", path);
            if (number is null)
                Problem($"{path}.number", "a document needs its number");
            var issuer = State(document, "issuer", path, required: true);
            var issued = Date(document, "issued", path, required: true);
            var from = Date(document, "validFrom", path, required: false);
            var until = Date(document, "validUntil", path, required: false);
            if (from < issued)
                Problem($"{path}.validFrom", "a document is not valid before it is issued");
            if (until < (from ?? issued))
                Problem($"{path}.validUntil", "the validity ends before it begins");
            var covers = new List<(int, int?)>();
            var items = Array(document, "covers", path, required: false);
            for (var i = 0; i < items.Count; i++)
            {
                var at = $"{path}.covers[{i}]";
                if (items[i].ValueKind != JsonValueKind.Object)
                {
                    Problem(at, "write each line covered as {\"line\": 1} or {\"line\": 1, \"count\": 2}");
                    continue;
                }
                Known(items[i], at, ["line", "count"]);
                var number1 = Integer(items[i], "line", at, 0, min: 1, required: true);
                int? count = items[i].TryGetProperty("count", out _) ? Integer(items[i], "count", at, 0, min: 1) : null;
                var line = number1 >= 1 && number1 <= shipmentLines.Count ? shipmentLines[number1 - 1] : null;
                if (number1 >= 1 && line is null && number1 > shipmentLines.Count)
                    Problem($"{at}.line", $"the shipment has no line {number1} (lines are counted from 1; it has {shipmentLines.Count})");
                else if (line is not null && count > line.Count)
                    Problem($"{at}.count", $"line {number1} has {line.Count} animals; a document cannot cover {count}");
                if (covers.Any(c => c.Item1 == number1))
                    Problem($"{at}.line", $"line {number1} is named twice");
                covers.Add((number1, count));
            }
            return new ShipmentDocument
            {
                Type = type,
                Number = number ?? "",
                IssuingState = issuer ?? "",
                IssuingAuthority = Text(document, "authority", path) ?? "",
                IssuedOn = issued ?? default,
                ValidFrom = from,
                ValidUntil = until,
                Covers = covers,
                AlsoUsedFor = [.. Array(document, "alsoUsedFor", path, required: false).Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.ToString())],
                SignedBy = Text(document, "signedBy", path) is null ? null : Word(document, "signedBy", path, CertificationSigner.Shipper),
            };
        }

        private void Known(JsonElement element, string path, string[] fields)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (!fields.Contains(property.Name, StringComparer.Ordinal))
                    Problem(Join(path, property.Name), $"'{property.Name}' is not a field here; expected one of {string.Join(", ", fields.Where(f => f != "$schema"))}");
            }
        }

        private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

        private JsonElement? Object(JsonElement parent, string name, bool required)
        {
            if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                if (required)
                    Problem(name, $"'{name}' is required");
                return null;
            }
            if (value.ValueKind == JsonValueKind.Object)
                return value;
            Problem(name, "must be an object");
            return null;
        }

        private List<JsonElement> Array(JsonElement parent, string name, string path, bool required)
        {
            if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                if (required)
                    Problem(Join(path, name), $"'{name}' is required");
                return [];
            }
            if (value.ValueKind == JsonValueKind.Array)
                return [.. value.EnumerateArray()];
            Problem(Join(path, name), "must be a list");
            return [];
        }

        private string? Text(JsonElement parent, string name, string path)
        {
            if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
                return null;
            if (value.ValueKind != JsonValueKind.String)
            {
                Problem(Join(path, name), "must be text");
                return null;
            }
            return OptionalText.From(value.GetString());
        }

        private bool Bool(JsonElement parent, string name, string path)
        {
            if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
                return false;
            if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                return value.GetBoolean();
            Problem(Join(path, name), "must be true or false");
            return false;
        }

        private int Integer(JsonElement parent, string name, string path, int fallback, int min, bool required = false)
        {
            if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                if (required)
                    Problem(Join(path, name), $"'{name}' is required");
                return fallback;
            }
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= min)
                return number;
            Problem(Join(path, name), $"must be a whole number, at least {min}");
            return fallback;
        }

        private DateOnly? Date(JsonElement parent, string name, string path, bool required)
        {
            var text = Text(parent, name, path);
            if (text is null)
            {
                if (required)
                    Problem(Join(path, name), $"'{name}' is required (a date written YYYY-MM-DD)");
                return null;
            }
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return date;
            Problem(Join(path, name), $"'{text}' is not a date written YYYY-MM-DD");
            return null;
        }

        private string? State(JsonElement parent, string name, string path, bool required)
        {
            if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                if (required)
                    Problem(Join(path, name), $"'{name}' is required (an ISO 3166 two-letter code, e.g. RU)");
                return null;
            }
            return StateValue(value, Join(path, name));
        }

        private string? StateValue(JsonElement value, string path)
        {
            var text = value.ValueKind == JsonValueKind.String ? value.GetString()?.Trim() : null;
            if (text is { Length: 2 } && text.All(char.IsAsciiLetter))
                return text.ToUpperInvariant();
            Problem(path, $"'{value}' is not an ISO 3166 two-letter code (e.g. RU)");
            return null;
        }

        private char? Code(JsonElement parent, string name, string path, string[] allowed)
        {
            var text = Text(parent, name, path);
            if (text is null)
                return null;
            if (allowed.Contains(text.ToUpperInvariant(), StringComparer.Ordinal))
                return char.ToUpperInvariant(text[0]);
            Problem(Join(path, name), $"'{text}' is not a CITES {name} code: {string.Join(", ", allowed)}");
            return null;
        }

        private T Word<T>(JsonElement parent, string name, string path, T fallback)
            where T : struct, Enum
        {
            var text = Text(parent, name, path);
            if (text is null)
                return fallback;
            if (Words.TryParse<T>(text, out var value))
                return value;
            Problem(Join(path, name), $"'{text}' is not one of {Words.List<T>()}");
            return fallback;
        }

        private TemperatureRange? Range(JsonElement parent, string name, string path)
        {
            if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
                return null;
            var at = Join(path, name);
            if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("min", out var min) && value.TryGetProperty("max", out var max)
                && min.ValueKind == JsonValueKind.Number && max.ValueKind == JsonValueKind.Number && min.TryGetDecimal(out var low) && max.TryGetDecimal(out var high))
            {
                if (low <= high)
                    return new TemperatureRange(low, high);
                Problem(at, "min is above max");
                return null;
            }
            Problem(at, "write a temperature range as {\"min\": -8, \"max\": 4} in °C");
            return null;
        }
    }
}
