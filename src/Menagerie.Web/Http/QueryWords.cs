using Menagerie.App;
using Menagerie.Domain;

namespace Menagerie.Web.Http;

/// <summary>
/// Enum values in a query string read as people write them (<c>held</c>, <c>in-transit</c>, <c>inTransit</c>;
/// never a number), each word that is none of them a problem with its field.
/// </summary>
public static class QueryWords
{
    /// <summary>The value a query string's word names, or the fallback when it is absent or names none (a problem then).</summary>
    public static T Word<T>(string? text, T fallback, string field, ICollection<RuleViolation> problems)
        where T : struct, Enum =>
        Optional<T>(text, field, problems) ?? fallback;

    /// <summary>The value a query string's word names, or null when it is absent or names none (a problem then).</summary>
    public static T? Optional<T>(string? text, string field, ICollection<RuleViolation> problems)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (Words.TryParse<T>(text, out var value))
            return value;
        problems.Add(new($"query.{field}", field, $"'{text}' is not one of: {Words.List<T>()}."));
        return null;
    }
}
