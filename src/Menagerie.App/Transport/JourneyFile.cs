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

    /// <summary>The journey in the file, or the problem that stops it being read, with its line.</summary>
    public static (JourneyFile? File, InputProblem? Problem) Read(byte[] utf8, string name) =>
        Parse<JourneyInput>(utf8, name, input => new Dictionary<string, JourneyInput>(StringComparer.Ordinal) { [""] = input });

    /// <summary>Journeys by transfer key.</summary>
    public static (JourneyFile? File, InputProblem? Problem) ReadMany(byte[] utf8, string name) =>
        Parse<Dictionary<string, JourneyInput>>(utf8, name, journeys => journeys);

    private static (JourneyFile?, InputProblem?) Parse<T>(byte[] utf8, string name, Func<T, IReadOnlyDictionary<string, JourneyInput>> inputs)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        try
        {
            return JsonSerializer.Deserialize<T>(utf8, JourneyInput.Json) is { } value
                ? (new JourneyFile(name, inputs(value), JsonLineMap.Of(utf8)), null)
                : (null, new InputProblem(name, 1, "json", "The file holds no journey."));
        }
        catch (JsonException e)
        {
            return (null, new InputProblem(name, (int)(e.LineNumber ?? 0) + 1, e.Path?.TrimStart('$', '.') is { Length: > 0 } path ? path : "json", e.Message));
        }
    }

    /// <summary>Each violation of a journey as a problem on the line of the field it concerns.</summary>
    public IEnumerable<InputProblem> Locate(IEnumerable<RuleViolation> violations, string key = "") =>
        violations.Select(v => Problem(key.Length == 0 ? v.Field : $"{key}.{v.Field}", v.Message));

    public InputProblem Problem(string field, string message) => new(Name, _lines[field], field, message);
}
