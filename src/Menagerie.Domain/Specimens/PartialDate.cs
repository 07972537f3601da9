using System.Globalization;

namespace Menagerie.Domain.Specimens;

/// <summary>The local date of a life event, with a flag when the date is an estimate (e.g. a wild-caught founder's birth).</summary>
public readonly record struct PartialDate(DateOnly Date, bool Estimated)
{
    /// <summary>The instant a date-only event is ordered at: the start of that day in UTC.</summary>
    public DateTime StartUtc => Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public override string ToString() =>
        Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + (Estimated ? " (estimated)" : "");
}
