using Menagerie.App.Persistence;
using Menagerie.Domain;
using Menagerie.Domain.Institutions;
using Microsoft.EntityFrameworkCore;

namespace Menagerie.App.Institutions;

/// <summary>A country, its CITES Party status with date and source, and whether its authority approves every transfer leaving it (L-04).</summary>
public sealed record CountryInput(
    string Code, string Name, bool IsCitesParty, DateOnly? CitesEntryIntoForce, DateOnly StatusAsOf, string StatusSource, bool RequiresAuthorityApproval = false);

/// <summary>A new institution; <see cref="TimeZone"/> is an IANA id such as Europe/Moscow.</summary>
public sealed record InstitutionInput(string Code, string Name, string Country, string TimeZone);

/// <summary>Countries and institutions: reference data every other record points to.</summary>
public sealed class InstitutionCommands(MenagerieDbContext db, Accounts.Access access, CachedReads reads)
{
    public async Task<IReadOnlyList<CountryView>> ListCountriesAsync(CancellationToken ct) =>
        (await db.Countries.AsNoTracking().OrderBy(c => c.Code).ToListAsync(ct)).Select(CountryView.Of).ToList();

    public async Task<Outcome<CountryView>> CreateCountryAsync(CountryInput input, CancellationToken ct)
    {
        if (!access.IsAdministrator)
            return new Outcome<CountryView>.Forbidden(AdministratorsOnly);
        var created = Country.Create(input.Code, input.Name, input.IsCitesParty, input.CitesEntryIntoForce, input.StatusAsOf, input.StatusSource);
        if (!created.IsValid)
            return created.Violations.ToList();
        if (await db.Countries.AnyAsync(c => c.Code == created.Value.Code, ct))
            return new Outcome<CountryView>.Conflict($"Country {created.Value.Code} already exists.");
        created.Value.RequireAuthorityApproval(input.RequiresAuthorityApproval);
        db.Countries.Add(created.Value);
        await db.SaveChangesAsync($"country {created.Value.Code} added", ct);
        return new Outcome<CountryView>.Created(CountryView.Of(created.Value));
    }

    public async Task<Outcome<CountryView>> GetCountryAsync(string code, CancellationToken ct)
    {
        var country = await FindCountryAsync(code, tracked: false, ct);
        return country is null ? CountryNotFound(code) : new Outcome<CountryView>.Ok(CountryView.Of(country));
    }

    public async Task<Outcome<CountryView>> UpdateCountryAsync(string code, CountryInput input, long? expectedVersion, CancellationToken ct)
    {
        var country = await FindCountryAsync(code, tracked: true, ct);
        if (country is null)
            return CountryNotFound(code);
        if (!access.IsAdministrator)
            return new Outcome<CountryView>.Forbidden(AdministratorsOnly);
        if (expectedVersion is { } expected && expected != country.Version)
            return new Outcome<CountryView>.Stale(country.Version);
        var problems = country.UpdateStatus(input.Name, input.IsCitesParty, input.CitesEntryIntoForce, input.StatusAsOf, input.StatusSource);
        if (problems.Count > 0)
            return problems.ToList();
        var approval = input.RequiresAuthorityApproval == country.RequiresAuthorityApproval ? ""
            : input.RequiresAuthorityApproval ? "; its authority now approves every transfer leaving it" : "; its authority's approval is no longer required";
        country.RequireAuthorityApproval(input.RequiresAuthorityApproval);
        return await Saving.SaveAsync(db, $"country {country.Code} CITES status as of {input.StatusAsOf:yyyy-MM-dd}{approval}", () => CountryView.Of(country), ct);
    }

    private Task<Country?> FindCountryAsync(string code, bool tracked, CancellationToken ct)
    {
        var normalized = (code ?? "").Trim().ToUpperInvariant();
        return (tracked ? db.Countries : db.Countries.AsNoTracking()).FirstOrDefaultAsync(c => c.Code == normalized, ct);
    }

    private static Outcome<CountryView>.NotFound CountryNotFound(string code) => new($"No country '{code}' in these records.");

    public async Task<IReadOnlyList<InstitutionView>> ListAsync(CancellationToken ct)
    {
        var rows = await db.Institutions.AsNoTracking()
            .Join(db.Countries.AsNoTracking(), i => i.CountryCode, c => c.Code, (i, c) => new { i, c })
            .OrderBy(x => x.i.Code).ToListAsync(ct);
        return rows.Select(x => InstitutionView.Of(x.i, x.c)).ToList();
    }

    public Task<Outcome<InstitutionView>> GetAsync(string codeOrId, CancellationToken ct) => reads.GetAsync<Outcome<InstitutionView>>("institution " + codeOrId, async () =>
    {
        var institution = await FindAsync(db, codeOrId, ct);
        if (institution is null)
            return NotFound(codeOrId);
        var country = await db.Countries.AsNoTracking().SingleAsync(c => c.Code == institution.CountryCode, ct);
        return new Outcome<InstitutionView>.Ok(InstitutionView.Of(institution, country));
    });

    public async Task<Outcome<InstitutionView>> CreateAsync(InstitutionInput input, CancellationToken ct)
    {
        if (!access.IsAdministrator)
            return new Outcome<InstitutionView>.Forbidden(AdministratorsOnly);
        var created = Institution.Create(InstitutionId.New(), input.Code, input.Name, input.Country, input.TimeZone);
        var problems = created.Violations.ToList();
        var countryCode = (input.Country ?? "").Trim().ToUpperInvariant();
        var country = await db.Countries.AsNoTracking().FirstOrDefaultAsync(c => c.Code == countryCode, ct);
        if (country is null && !problems.Exists(p => p.Field == "country"))
            problems.Add(new("institution.country", "country", $"There is no country '{input.Country}' in these records; add it first."));
        if (problems.Count > 0)
            return problems;
        if (await db.Institutions.AnyAsync(i => i.Code == created.Value.Code, ct))
            return new Outcome<InstitutionView>.Conflict($"An institution with code {created.Value.Code} already exists.");
        db.Institutions.Add(created.Value);
        await db.SaveChangesAsync($"institution {created.Value.Code} added", ct);
        return new Outcome<InstitutionView>.Created(InstitutionView.Of(created.Value, country!));
    }

    /// <summary>Renames an institution, corrects its country, or sets its time zone (null keeps the one it has).</summary>
    public async Task<Outcome<InstitutionView>> UpdateAsync(string codeOrId, string name, string countryCode, string? timeZone, long? expectedVersion, CancellationToken ct)
    {
        var institution = await FindAsync(db, codeOrId, ct, tracked: true);
        if (institution is null)
            return NotFound(codeOrId);
        if (!access.IsAdministrator)
            return new Outcome<InstitutionView>.Forbidden(AdministratorsOnly);
        if (expectedVersion is { } expected && expected != institution.Version)
            return new Outcome<InstitutionView>.Stale(institution.Version);
        var problems = institution.Correct(name, countryCode, timeZone ?? institution.TimeZone).ToList();
        var normalizedCountry = (countryCode ?? "").Trim().ToUpperInvariant();
        var country = await db.Countries.AsNoTracking().FirstOrDefaultAsync(c => c.Code == normalizedCountry, ct);
        if (country is null && problems.Count == 0)
            problems.Add(new("institution.country", "country", $"There is no country '{countryCode}' in these records."));
        if (problems.Count > 0)
            return problems;
        return await Saving.SaveAsync(db, $"institution {institution.Code} updated", () => InstitutionView.Of(institution, country!), ct);
    }

    /// <summary>Finds an institution by its code (any case) or its id.</summary>
    public static async Task<Institution?> FindAsync(MenagerieDbContext db, string codeOrId, CancellationToken ct, bool tracked = false)
    {
        var query = tracked ? db.Institutions : db.Institutions.AsNoTracking();
        if (Guid.TryParse(codeOrId, out var guid))
            return await query.FirstOrDefaultAsync(i => i.Id == new InstitutionId(guid), ct);
        var code = Institution.NormalizeCode(codeOrId);
        return await query.FirstOrDefaultAsync(i => i.Code == code, ct);
    }

    private const string AdministratorsOnly = "Countries and institutions are kept by an administrator.";

    private static Outcome<InstitutionView>.NotFound NotFound(string codeOrId) => new($"No institution with code or id '{codeOrId}'.");
}
