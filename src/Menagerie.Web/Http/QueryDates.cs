using Menagerie.Domain;
using Menagerie.Web.Shared;

namespace Menagerie.Web.Http;

/// <summary>A day sent as YYYY-MM-DD in a query string or a form field.</summary>
public static class QueryDates
{
    /// <summary>The day, null when none is given, or the 400 answer naming the field when the text is not a day.</summary>
    public static (DateOnly? Day, IResult? Invalid) Day(string? text, string code, string field) =>
        string.IsNullOrEmpty(text) ? (null, null)
        : FormTime.Date(text) is { } day ? (day, null)
        : (null, OutcomeResults.Invalid([new RuleViolation(code, field, $"'{text}' is not a date written YYYY-MM-DD.")]));
}
