namespace Menagerie.Genetics.Pedigrees;

/// <summary>The recorded sex of an individual in a pedigree.</summary>
public enum Sex : byte
{
    /// <summary>Not recorded or not determined (codes <c>U</c>, <c>unknown</c>, <c>3</c>, blank).</summary>
    Unknown = 0,

    /// <summary>Male (codes <c>M</c>, <c>male</c>, <c>1</c>).</summary>
    Male = 1,

    /// <summary>Female (codes <c>F</c>, <c>female</c>, <c>2</c>).</summary>
    Female = 2,

    /// <summary>Hermaphrodite (codes <c>H</c>, <c>hermaphrodite</c>, <c>4</c>); may be recorded as sire or dam.</summary>
    Hermaphrodite = 3,
}

/// <summary>Parses the sex codes found in studbooks (M/F/U, male/female/unknown, 1/2/3, 4 hermaphrodite).</summary>
public static class SexCodes
{
    /// <summary>
    /// Parses a sex code, ignoring case and surrounding spaces. A missing or blank code is
    /// <see cref="Sex.Unknown"/>.
    /// </summary>
    /// <param name="code">The code as written in the source.</param>
    /// <param name="sex">The parsed sex, or <see cref="Sex.Unknown"/> when the code is not recognised.</param>
    /// <returns><see langword="true"/> when the code is recognised (or blank).</returns>
    public static bool TryParse(string? code, out Sex sex)
    {
        sex = Sex.Unknown;
        if (string.IsNullOrWhiteSpace(code))
        {
            return true;
        }

        var c = code.AsSpan().Trim();
        if (Is(c, "M") || Is(c, "MALE") || Is(c, "1"))
        {
            sex = Sex.Male;
            return true;
        }

        if (Is(c, "F") || Is(c, "FEMALE") || Is(c, "2"))
        {
            sex = Sex.Female;
            return true;
        }

        if (Is(c, "H") || Is(c, "HERMAPHRODITE") || Is(c, "4"))
        {
            sex = Sex.Hermaphrodite;
            return true;
        }

        return Is(c, "U") || Is(c, "UNKNOWN") || Is(c, "3");
    }

    private static bool Is(ReadOnlySpan<char> value, string code) =>
        value.Equals(code, StringComparison.OrdinalIgnoreCase);
}
