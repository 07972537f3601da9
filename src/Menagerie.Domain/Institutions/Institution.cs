namespace Menagerie.Domain.Institutions;

/// <summary>
/// A zoo, aquarium, sanctuary or other holder. Its <see cref="Code"/> is a short mnemonic
/// (as studbook location codes are, e.g. MOSCOW) accepted wherever an institution is named.
/// </summary>
public sealed class Institution
{
    public const int MaxCodeLength = 16;

    public const int MaxNameLength = 300;

    /// <summary>The zone of institutions recorded before zones were: UTC, until an administrator sets theirs.</summary>
    public const string DefaultTimeZone = "UTC";

    public const int MaxTimeZoneLength = 64;

    private Institution() { Code = Name = CountryCode = TimeZone = ""; }

    public InstitutionId Id { get; private set; }
    public string Code { get; private set; }
    public string Name { get; private set; }
    public string CountryCode { get; private set; }

    /// <summary>The IANA id of the zone the institution keeps its days in (Europe/Moscow, Asia/Pyongyang).</summary>
    public string TimeZone { get; private set; }

    public long Version { get; private set; }

    public static Result<Institution> Create(InstitutionId id, string code, string name, string countryCode, string timeZone)
    {
        var problems = Validate(code, name, countryCode, timeZone);
        if (problems.Count > 0)
            return problems;
        return new Institution
        {
            Id = id,
            Code = NormalizeCode(code),
            Name = name.Trim(),
            CountryCode = countryCode.Trim().ToUpperInvariant(),
            TimeZone = timeZone.Trim(),
        };
    }

    public IReadOnlyList<RuleViolation> Correct(string name, string countryCode, string timeZone)
    {
        var problems = Validate(Code, name, countryCode, timeZone);
        if (problems.Count == 0)
        {
            Name = name.Trim();
            CountryCode = countryCode.Trim().ToUpperInvariant();
            TimeZone = timeZone.Trim();
        }
        return problems;
    }

    public static string NormalizeCode(string code) => (code ?? "").Trim().ToUpperInvariant();

    /// <summary>
    /// True for an IANA zone id the platform's zone database knows. A Windows id ("Russian Standard Time") is
    /// refused even where the platform would convert it, so that every installation keeps the same kind of id.
    /// </summary>
    public static bool IsTimeZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Trim().Length <= MaxTimeZoneLength
        && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) && zone.HasIanaId;

    private static List<RuleViolation> Validate(string code, string name, string countryCode, string timeZone)
    {
        var problems = new List<RuleViolation>();
        var normalized = NormalizeCode(code);
        if (normalized.Length is 0 or > MaxCodeLength
            || !normalized.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c is '-' or '_'))
        {
            problems.Add(new("institution.code", "code",
                $"'{code}' is not an institution code: 1 to {MaxCodeLength} letters, digits, '-' or '_'."));
        }
        if (Guid.TryParse(normalized, out _))
            problems.Add(new("institution.code", "code", "An institution code must not look like an id."));
        if (string.IsNullOrWhiteSpace(name))
            problems.Add(new("institution.name", "name", "An institution needs a name."));
        else if (name.Trim().Length > MaxNameLength)
            problems.Add(new("institution.name", "name", $"An institution's name has at most {MaxNameLength} characters."));
        if (string.IsNullOrWhiteSpace(countryCode) || countryCode.Trim().Length != 2)
            problems.Add(new("institution.country", "country", $"'{countryCode}' is not an ISO 3166-1 alpha-2 country code."));
        if (string.IsNullOrWhiteSpace(timeZone))
            problems.Add(new("institution.time-zone", "timeZone", "An institution needs its time zone: an IANA id such as Europe/Moscow or Asia/Pyongyang."));
        else if (!IsTimeZone(timeZone))
            problems.Add(new("institution.time-zone", "timeZone", $"'{timeZone}' is not an IANA time zone id (e.g. Europe/Moscow, Asia/Pyongyang, Europe/Berlin, UTC)."));
        return problems;
    }
}
