namespace Menagerie.Domain;

/// <summary>
/// The dates the records take: nothing before 1800, older than any living record or studbook; what has happened,
/// up to a day after now (the day may already have begun where it happened); what is planned or valid, up to ten
/// years ahead. A date outside is a typing mistake (year 1, year 9999), refused before it distorts ages and censuses.
/// </summary>
public static class Plausible
{
    public static readonly DateOnly Earliest = new(1800, 1, 1);

    public const int YearsAhead = 10;

    public static bool TooEarly(DateOnly date) => date < Earliest;

    public static bool TooEarly(DateTime instant) => TooEarly(DateOnly.FromDateTime(instant));

    /// <summary>Later than a plan or a validity reaches: more than <see cref="YearsAhead"/> years after now.</summary>
    public static bool TooFarAhead(DateOnly date, DateTime now) => date > DateOnly.FromDateTime(now).AddYears(YearsAhead);

    public static bool TooFarAhead(DateTime instant, DateTime now) => TooFarAhead(DateOnly.FromDateTime(instant), now);

    public static Wording BeforeEarliest(DateOnly date) => $"{date:yyyy-MM-dd} is before 1800; is the year right?";

    public static Wording BeyondPlanning(DateOnly date) => $"{date:yyyy-MM-dd} is more than ten years ahead; is the year right?";
}
