namespace Menagerie.App;

/// <summary>
/// Reads the word for an enum value as people write it, in a request, a query string or a file: any case,
/// with or without dashes, underscores or spaces (<c>loan-return</c>, <c>loanReturn</c>, <c>LOAN_RETURN</c>),
/// never a number.
/// </summary>
public static class Words
{
    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum
    {
        value = default;
        var normalized = text?.Trim().Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        return !string.IsNullOrEmpty(normalized) && !char.IsAsciiDigit(normalized[0])
            && Enum.TryParse(normalized, ignoreCase: true, out value) && Enum.IsDefined(value);
    }

    /// <summary>An enum value as people type it and as reports print it: <c>LoanReturn</c> is <c>loan-return</c>.</summary>
    public static string Kebab<T>(T value)
        where T : struct, Enum =>
        System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    /// <summary>The values as JSON writes them (camelCase), for messages that list what is allowed.</summary>
    public static string List<T>()
        where T : struct, Enum =>
        string.Join(", ", Enum.GetNames<T>().Select(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName));
}
