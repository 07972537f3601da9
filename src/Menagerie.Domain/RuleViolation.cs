using System.Text.Json.Serialization;

namespace Menagerie.Domain;

/// <summary>One broken rule: a stable code, the field it concerns and a sentence a registrar can act on.</summary>
public sealed record RuleViolation(string Code, string Field, [property: JsonIgnore] Wording Wording)
{
    /// <summary>The sentence in English, as the API and the command line give it.</summary>
    public string Message => Wording.ToString();
}
