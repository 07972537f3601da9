namespace Menagerie.Domain.Institutions;

/// <summary>
/// A state by ISO 3166-1 alpha-2 code, with its CITES Party status as known on <see cref="StatusAsOf"/>
/// and the source that says so: Party status changes, so it is never stored without its date and source.
/// </summary>
public sealed class Country
{
    private Country() { Code = Name = StatusSource = ""; }

    public string Code { get; private set; }
    public string Name { get; private set; }
    public bool IsCitesParty { get; private set; }
    public DateOnly? CitesEntryIntoForce { get; private set; }
    public DateOnly StatusAsOf { get; private set; }
    public string StatusSource { get; private set; }

    /// <summary>
    /// The state's authority approves every transfer leaving it before clearance (L-04): a national requirement the
    /// records are told of, not one the Convention makes.
    /// </summary>
    public bool RequiresAuthorityApproval { get; private set; }

    public long Version { get; private set; }

    /// <summary>Whether the text is an ISO 3166-1 alpha-2 code as stored: two capital letters.</summary>
    public static bool IsCode(string code) => code is { Length: 2 } && code.All(char.IsAsciiLetterUpper);

    public static Result<Country> Create(
        string code, string name, bool isCitesParty, DateOnly? entryIntoForce, DateOnly asOf, string source)
    {
        var normalized = (code ?? "").Trim().ToUpperInvariant();
        var problems = Validate(name, isCitesParty, entryIntoForce, source);
        if (!IsCode(normalized))
            problems.Insert(0, new("country.code", "code", $"'{code}' is not an ISO 3166-1 alpha-2 code (two letters, e.g. RU)."));
        if (problems.Count > 0)
            return problems;
        var country = new Country { Code = normalized };
        country.Set(name, isCitesParty, entryIntoForce, asOf, source);
        return country;
    }

    /// <summary>Records what is now known of the country's CITES status, as of a date and from a source.</summary>
    public IReadOnlyList<RuleViolation> UpdateStatus(string name, bool isCitesParty, DateOnly? entryIntoForce, DateOnly asOf, string source)
    {
        var problems = Validate(name, isCitesParty, entryIntoForce, source);
        if (problems.Count == 0)
            Set(name, isCitesParty, entryIntoForce, asOf, source);
        return problems;
    }

    /// <summary>Whether transfers leaving the country wait for its authority's approval before clearance.</summary>
    public void RequireAuthorityApproval(bool required) => RequiresAuthorityApproval = required;

    private void Set(string name, bool isCitesParty, DateOnly? entryIntoForce, DateOnly asOf, string source) =>
        (Name, IsCitesParty, CitesEntryIntoForce, StatusAsOf, StatusSource) = (name.Trim(), isCitesParty, entryIntoForce, asOf, source.Trim());

    private static List<RuleViolation> Validate(string name, bool isCitesParty, DateOnly? entryIntoForce, string source)
    {
        var problems = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(name))
            problems.Add(new("country.name", "name", "A country needs a name."));
        if (isCitesParty && entryIntoForce is null)
            problems.Add(new("country.entry-into-force", "citesEntryIntoForce", "A CITES Party needs the date the Convention entered into force for it."));
        if (!isCitesParty && entryIntoForce is not null)
            problems.Add(new("country.entry-into-force", "citesEntryIntoForce", "A non-Party has no date of entry into force."));
        if (string.IsNullOrWhiteSpace(source))
            problems.Add(new("country.source", "statusSource", "Party status needs the source it was taken from."));
        return problems;
    }
}
