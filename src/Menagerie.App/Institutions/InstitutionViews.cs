using Menagerie.Domain.Institutions;

namespace Menagerie.App.Institutions;

public sealed record CountryView(
    string Code, string Name, bool IsCitesParty, DateOnly? CitesEntryIntoForce, DateOnly StatusAsOf, string StatusSource, bool RequiresAuthorityApproval, long Version)
{
    public static CountryView Of(Country c) => new(c.Code, c.Name, c.IsCitesParty, c.CitesEntryIntoForce, c.StatusAsOf, c.StatusSource, c.RequiresAuthorityApproval, c.Version);
}

/// <summary>An institution; <see cref="TimeZone"/> is the IANA id of the zone it keeps its days in.</summary>
public sealed record InstitutionView(Guid Id, string Code, string Name, CountryView Country, string TimeZone, long Version)
{
    public static InstitutionView Of(Institution i, Country c) => new(i.Id.Value, i.Code, i.Name, CountryView.Of(c), i.TimeZone, i.Version);
}

/// <summary>An institution as other records mention it.</summary>
public sealed record InstitutionRef(Guid Id, string Code, string Name);
