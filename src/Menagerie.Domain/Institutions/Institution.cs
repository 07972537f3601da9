namespace Menagerie.Domain.Institutions;

/// <summary>
/// A zoo, aquarium, sanctuary or other holder. Its <see cref="Code"/> is a short mnemonic
/// (as studbook location codes are, e.g. MOSCOW) accepted wherever an institution is named.
/// </summary>
public sealed class Institution
{
    public const int MaxCodeLength = 16;

    private Institution() { Code = Name = CountryCode = ""; }

    public InstitutionId Id { get; private set; }
    public string Code { get; private set; }
    public string Name { get; private set; }
    public string CountryCode { get; private set; }
    public long Version { get; private set; }

    public static Result<Institution> Create(InstitutionId id, string code, string name, string countryCode)
    {
        var problems = Validate(code, name, countryCode);
        if (problems.Count > 0)
            return problems;
        return new Institution { Id = id, Code = NormalizeCode(code), Name = name.Trim(), CountryCode = countryCode.Trim().ToUpperInvariant() };
    }

    public IReadOnlyList<RuleViolation> Correct(string name, string countryCode)
    {
        var problems = Validate(Code, name, countryCode);
        if (problems.Count == 0)
        {
            Name = name.Trim();
            CountryCode = countryCode.Trim().ToUpperInvariant();
        }
        return problems;
    }

    public static string NormalizeCode(string code) => (code ?? "").Trim().ToUpperInvariant();

    private static List<RuleViolation> Validate(string code, string name, string countryCode)
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
        if (string.IsNullOrWhiteSpace(countryCode) || countryCode.Trim().Length != 2)
            problems.Add(new("institution.country", "country", $"'{countryCode}' is not an ISO 3166-1 alpha-2 country code."));
        return problems;
    }
}
