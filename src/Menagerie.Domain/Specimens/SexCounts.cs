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

    public int Total => Males + Females + Unknown;
    public bool IsZero => Total == 0;
    public bool IsNegative => Males < 0 || Females < 0 || Unknown < 0;

    public static SexCounts Of(Sex sex) => sex switch
    {
        Sex.Male => new(1, 0, 0),
        Sex.Female => new(0, 1, 0),
        _ => new(0, 0, 1),
    };

    public static SexCounts operator +(SexCounts a, SexCounts b) => new(a.Males + b.Males, a.Females + b.Females, a.Unknown + b.Unknown);
    public static SexCounts operator -(SexCounts a, SexCounts b) => new(a.Males - b.Males, a.Females - b.Females, a.Unknown - b.Unknown);

    /// <summary>True when every count of <paramref name="part"/> is covered by this one.</summary>
    public bool Covers(SexCounts part) => part.Males <= Males && part.Females <= Females && part.Unknown <= Unknown;

    public static bool TryParse([NotNullWhen(true)] string? text, out SexCounts counts)
    {
        counts = Zero;
        var parts = text?.Trim().Split('.');
        if (parts is not { Length: 3 })
            return false;
        var values = new int[3];
        for (var i = 0; i < 3; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out values[i]))
                return false;
        }
        counts = new(values[0], values[1], values[2]);
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Males}.{Females}.{Unknown}");
}
