using System.Globalization;
using Menagerie.Domain;

namespace Menagerie.App;

/// <summary>
/// The characters no text in the records takes: control characters other than tab and line breaks (a terminal
/// takes ESC as a command, NUL ends a string in C), and the bidirectional embeddings, overrides and isolates
/// (U+202A–U+202E, U+2066–U+2069), which can make one identifier display as another. Every string of a JSON body
/// or file is checked (<see cref="JsonInput.RefusedText"/>), and so are the fields that arrive another way.
/// </summary>
public static class PlainText
{
    public static bool IsRefused(char c) =>
        (char.IsControl(c) && c is not ('\t' or '\n' or '\r')) || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>Where the first refused character is, or -1.</summary>
    public static int IndexOfRefused(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            if (IsRefused(text[i]))
                return i;
        }
        return -1;
    }

    /// <summary>Why the text is refused, naming the character by its code point.</summary>
    public static Wording Refusal(string text, int index)
    {
        ArgumentNullException.ThrowIfNull(text);
        var code = "U+" + ((int)text[index]).ToString("X4", CultureInfo.InvariantCulture);
        return $"Text may not hold control characters or bidirectional formatting characters; this has {code} at character {index + 1}.";
    }

    /// <summary>The problem of a field's text, or null when it has none of the refused characters.</summary>
    public static RuleViolation? Problem(string? text, string field) =>
        text is not null && IndexOfRefused(text) is var i and >= 0 ? new RuleViolation("input.text", field, Refusal(text, i)) : null;
}
