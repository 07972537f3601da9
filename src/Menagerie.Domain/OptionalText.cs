namespace Menagerie.Domain;

/// <summary>How an optional text field is kept: trimmed, and a blank one as no value at all.</summary>
public static class OptionalText
{
    public static string? From(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
