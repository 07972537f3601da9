using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Menagerie.Domain.Specimens;

public enum Sex
{
    Unknown,
    Male,
    Female,
}

/// <summary>Counts by sex, written male.female.unknown as zoos do: <c>1.2.0</c> is one male and two females.</summary>
public readonly record struct SexCounts(int Males, int Females, int Unknown)
{
    public static readonly SexCounts Zero = new(0, 0, 0);

    /// <summary>
    /// The most animals a group holds, and so the most any count may say: more than any colony of corals or
    /// shoal of fish a zoo keeps, and far enough from an int's limit that no sum of counts overflows.
    /// </summary>
    public const int MaxAnimals = 1_000_000;

    public int Total => checked(Males + Females + Unknown);
    public bool IsZero => Males == 0 && Females == 0 && Unknown == 0;
    public bool IsNegative => Males < 0 || Females < 0 || Unknown < 0;

    /// <summary>More animals than a group may hold (<see cref="MaxAnimals"/>).</summary>
    public bool IsTooMany => (long)Males + Females + Unknown > MaxAnimals;

    public static SexCounts Of(Sex sex) => sex switch
    {
        Sex.Male => new(1, 0, 0),
        Sex.Female => new(0, 1, 0),
        _ => new(0, 0, 1),
    };

    public static SexCounts operator +(SexCounts a, SexCounts b) => checked(new(a.Males + b.Males, a.Females + b.Females, a.Unknown + b.Unknown));
    public static SexCounts operator -(SexCounts a, SexCounts b) => checked(new(a.Males - b.Males, a.Females - b.Females, a.Unknown - b.Unknown));

    /// <summary>True when every count of <paramref name="part"/> is covered by this one.</summary>
    public bool Covers(SexCounts part) => part.Males <= Males && part.Females <= Females && part.Unknown <= Unknown;

    /// <summary>
    /// Reads male.female.unknown; false for anything else, and for a number above <see cref="MaxAnimals"/>, so that
    /// the counts read are always within reach of arithmetic (their total may still be too many: <see cref="IsTooMany"/>).
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out SexCounts counts) => TryParse(text, MaxAnimals, out counts);

    /// <summary>Reads male.female.unknown with each number at most <paramref name="most"/>.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, int most, out SexCounts counts)
    {
        counts = Zero;
        var parts = text?.Trim().Split('.');
        if (parts is not { Length: 3 })
            return false;
        var values = new int[3];
        for (var i = 0; i < 3; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out values[i]) || values[i] > most)
                return false;
        }
        counts = new(values[0], values[1], values[2]);
        return true;
    }

    /// <summary>Why a text is not counts: not male.female.unknown at all, or more animals than a group holds.</summary>
    public static Wording Unreadable(string? text)
    {
        if (TryParse(text, int.MaxValue, out _))
            return $"'{text}' counts more animals than a group holds: at most {MaxAnimals} in all.";
        return $"'{text}' is not counts by sex, male.female.unknown (e.g. 12.13.0).";
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Males}.{Females}.{Unknown}");
}
