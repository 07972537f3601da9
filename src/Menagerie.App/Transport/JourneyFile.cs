using System.Text.Json;
using Menagerie.App.Compliance;
using Menagerie.App.Files;
using Menagerie.Domain;

namespace Menagerie.App.Transport;

/// <summary>
/// Journeys written as JSON: one journey (<c>menagerie transport journey</c>), or an object from transfer key to
/// journey (a collection's transfer_journeys.json). Each problem found later is named with its line.
/// </summary>
public sealed class JourneyFile
{
    private readonly JsonLineMap _lines;

    private JourneyFile(string name, IReadOnlyDictionary<string, JourneyInput> inputs, JsonLineMap lines)
    {
        Name = name;
        Inputs = inputs;
        _lines = lines;
    }

    public string Name { get; }

    /// <summary>The journeys by transfer key; a single journey is under the empty key.</summary>
    public IReadOnlyDictionary<string, JourneyInput> Inputs { get; }

    public JourneyInput Input => Inputs[""];

    /// <summary>The journey in the file, or every problem that stops it being read as one, each with its line.</summary>
    public static (JourneyFile? File, IReadOnlyList<InputProblem> Problems) Read(byte[] utf8, string name) =>
        Parse<JourneyInput>(utf8, name, input => new Dictionary<string, JourneyInput>(StringComparer.Ordinal) { [""] = input });

    /// <summary>Journeys by transfer key.</summary>
    public static (JourneyFile? File, IReadOnlyList<InputProblem> Problems) ReadMany(byte[] utf8, string name) =>
        Parse<Dictionary<string, JourneyInput>>(utf8, name, journeys => journeys);

    /// <summary>
    /// The file read as <typeparamref name="T"/>, or what stops that: not JSON at all, another kind of file (a
    /// shipment), a value of the wrong type, a field a journey does not have, or text with characters no record takes.
    /// </summary>
    private static (JourneyFile?, IReadOnlyList<InputProblem>) Parse<T>(byte[] utf8, string name, Func<T, IReadOnlyDictionary<string, JourneyInput>> inputs)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8);
        }
        catch (JsonException e)
        {
            return (null, [new InputProblem(name, (int)(e.LineNumber ?? 0) + 1, "json", JsonInput.Problem(e, null, JourneyInput.Json).Message)]);
        }
        using (document)
        {
            var lines = JsonLineMap.Of(utf8);
            if (typeof(T) == typeof(JourneyInput) && IsShipment(document.RootElement))
                return (null, [new InputProblem(name, 1, "json", "This is a shipment file (it has from, to and lines), not a journey: check it with 'menagerie compliance check'. A journey has legs, hold, attendant, checkEveryHours, larEdition and temperatures.")]);
            T? value;
            try
            {
                value = document.Deserialize<T>(JourneyInput.Json);
            }
            catch (JsonException e)
            {
                var (field, message) = JsonInput.Problem(e, typeof(T), JourneyInput.Json);
                return (null, [new InputProblem(name, lines[field], field.Length == 0 ? "json" : field, message)]);
            }
            if (value is null)
                return (null, [new InputProblem(name, 1, "json", "The file holds no journey.")]);
            var problems = JsonInput.UnknownFields(document.RootElement, typeof(T), JourneyInput.Json)
                .Select(u => new InputProblem(name, lines[u.Field], u.Field, u.Message))
                .Concat(JsonInput.RefusedText(value, JourneyInput.Json).Select(v => new InputProblem(name, lines[v.Field], v.Field, v.Message)))
                .ToList();
            return problems.Count > 0 ? (null, problems) : (new JourneyFile(name, inputs(value), lines), []);
        }
    }

    /// <summary>A shipment file (samples/shipments) has the parties and the lines a journey does not: it is checked, not travelled.</summary>
    private static bool IsShipment(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && !root.TryGetProperty("legs", out _)
        && (root.TryGetProperty("lines", out _) || (root.TryGetProperty("from", out _) && root.TryGetProperty("to", out _))
            || (root.TryGetProperty("$schema", out var schema) && schema.ToString().Contains("shipment", StringComparison.OrdinalIgnoreCase)));

    /// <summary>Each violation of a journey as a problem on the line of the field it concerns.</summary>
    public IEnumerable<InputProblem> Locate(IEnumerable<RuleViolation> violations, string key = "") =>
        violations.Select(v => Problem(key.Length == 0 ? v.Field : $"{key}.{v.Field}", v.Message));

    public InputProblem Problem(string field, string message) => new(Name, _lines[field], field, message);
}
