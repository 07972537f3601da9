using Menagerie.Domain.Specimens;

namespace Menagerie.App.Transfers;

/// <summary>How a receipt's lines are written and named, shared by the API, the command line and collection files.</summary>
public static class ReceiptLines
{
    /// <summary>A whole line's outcome word as counts arrived, dead on arrival and missing; null for a word that is not one.</summary>
    public static (SexCounts Arrived, SexCounts Dead, SexCounts Missing)? Outcome(string word, SexCounts sent) =>
        word.Trim().ToUpperInvariant() switch
        {
            "ARRIVED" => (sent, SexCounts.Zero, SexCounts.Zero),
            "DEAD" or "DEADONARRIVAL" or "DEAD-ON-ARRIVAL" => (SexCounts.Zero, sent, SexCounts.Zero),
            "MISSING" => (SexCounts.Zero, SexCounts.Zero, sent),
            _ => null,
        };

    /// <summary>The position and the field within a request line such as <c>lines[2].counts</c>; null for any other field.</summary>
    public static (int Index, string Field)? Field(string field)
    {
        const string Prefix = "lines[";
        var close = field.IndexOf(']', StringComparison.Ordinal);
        if (!field.StartsWith(Prefix, StringComparison.Ordinal) || close < 0
            || !int.TryParse(field.AsSpan(Prefix.Length, close - Prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
            return null;
        return (index, field[(close + 1)..].TrimStart('.'));
    }
}
