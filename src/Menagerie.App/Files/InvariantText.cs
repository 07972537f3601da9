using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Menagerie.App.Files;

/// <summary>
/// Numbers, flags and instants as a person types them in a file or an option, read the same on every machine
/// whatever its culture: a point for decimals, UTC unless an offset is given.
/// </summary>
public static class InvariantText
{
    /// <summary>
    /// A decimal with a point, never a thousands separator: <c>12,5</c> is refused rather than read as 125, which
    /// is what a decimal comma from a European spreadsheet would otherwise become.
    /// </summary>
    public static bool TryParseDecimal([NotNullWhen(true)] string? text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out value);

    /// <summary><c>true</c>, <c>yes</c>, <c>y</c>, <c>1</c> or <c>false</c>, <c>no</c>, <c>n</c>, <c>0</c>, in any case.</summary>
    public static bool TryParseFlag([NotNullWhen(true)] string? text, out bool value)
    {
        var word = text?.Trim().ToUpperInvariant();
        value = word is "TRUE" or "YES" or "Y" or "1";
        return value || word is "FALSE" or "NO" or "N" or "0";
    }

    /// <summary>An instant, UTC unless the text carries an offset (<c>2026-12-01T09:30:00Z</c>, <c>2026-12-01 12:30+03:00</c>).</summary>
    public static bool TryParseInstant([NotNullWhen(true)] string? text, out DateTime utc) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out utc);
}
