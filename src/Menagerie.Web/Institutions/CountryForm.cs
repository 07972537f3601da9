using Menagerie.App.Institutions;
using Menagerie.Domain;
using Menagerie.Domain.Institutions;
using Menagerie.Web.Shared;
using Microsoft.Extensions.Localization;

namespace Menagerie.Web.Institutions;

/// <summary>A country and its CITES Party status as the form holds them, dates as typed (yyyy-MM-dd).</summary>
public sealed class CountryForm
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public bool IsCitesParty { get; set; }
    public string? EntryIntoForce { get; set; }
    public string? StatusAsOf { get; set; }
    public string? StatusSource { get; set; }

    /// <summary>Its authority approves every transfer leaving it before clearance (L-04).</summary>
    public bool RequiresAuthorityApproval { get; set; }

    public static CountryForm Of(CountryView c) => new()
    {
        Code = c.Code,
        Name = c.Name,
        IsCitesParty = c.IsCitesParty,
        EntryIntoForce = c.CitesEntryIntoForce is { } entry ? Format.Field(entry) : null,
        StatusAsOf = Format.Field(c.StatusAsOf),
        StatusSource = c.StatusSource,
        RequiresAuthorityApproval = c.RequiresAuthorityApproval,
    };

    /// <summary>
    /// The input for the use case, or every problem at once: dates that are not dates, and what the country's own
    /// rules say of the rest (the use case would say the same once the dates were right).
    /// </summary>
    public (CountryInput? Input, List<RuleViolation> Problems) ToInput(IStringLocalizer t)
    {
        var problems = new List<RuleViolation>();
        DateOnly? entry = null;
        if (!string.IsNullOrWhiteSpace(EntryIntoForce))
        {
            if (FormTime.Date(EntryIntoForce.Trim()) is { } parsed)
                entry = parsed;
            else
                problems.Add(new("country.entry-into-force", "citesEntryIntoForce", t["“{0}” is not a date (yyyy-MM-dd).", EntryIntoForce].Value));
        }
        var asOf = FormTime.Date(StatusAsOf?.Trim());
        if (asOf is null)
        {
            problems.Add(new("country.as-of", "statusAsOf", string.IsNullOrWhiteSpace(StatusAsOf)
                ? t["Party status needs the date it is known as of."].Value
                : t["“{0}” is not a date (yyyy-MM-dd).", StatusAsOf].Value));
        }
        var input = new CountryInput(Code ?? "", Name ?? "", IsCitesParty, entry, asOf ?? default, StatusSource ?? "", RequiresAuthorityApproval);
        if (problems.Count == 0)
            return (input, problems);
        var rules = Country.Create(input.Code, input.Name, input.IsCitesParty, input.CitesEntryIntoForce, input.StatusAsOf, input.StatusSource);
        problems.AddRange(rules.Violations.Where(v => !problems.Exists(p => p.Field == v.Field)));
        return (null, problems);
    }
}

/// <summary>What a country's fields show: the form as typed and the problems found.</summary>
public sealed record CountryFields(CountryForm Form, FormProblems Problems);
