using System.Security.Claims;
using Menagerie.App.Accounts;
using Menagerie.App.Institutions;

namespace Menagerie.Web.Shared;

/// <summary>An institution where the viewer holds roles, and which.</summary>
public sealed record ViewerPlace(string Code, string Name, string TimeZone, IReadOnlySet<Role> Roles);

/// <summary>Who is looking at a page: their name, where they work and as what, and the clock they read times by.</summary>
public sealed record ViewerInfo(string? UserName, IReadOnlyList<ViewerPlace> Places, IReadOnlySet<string> AuthorityCountries, bool IsAdministrator, TimeZoneInfo TimeZone)
{
    public bool SignedIn => UserName is not null;

    /// <summary>The institution pages start from: the first the viewer works at.</summary>
    public ViewerPlace? Home => Places.Count > 0 ? Places[0] : null;

    public bool Has(string institution, params Role[] roles) =>
        Places.Any(p => string.Equals(p.Code, institution, StringComparison.OrdinalIgnoreCase) && roles.Any(p.Roles.Contains));

    public bool HasAnywhere(params Role[] roles) => Places.Any(p => roles.Any(p.Roles.Contains));
}

/// <summary>Reads the viewer once per request from the memberships the request was authorized with.</summary>
public sealed class Viewer(IHttpContextAccessor http, Access access, InstitutionCommands institutions)
{
    private ViewerInfo? _info;

    public async Task<ViewerInfo> GetAsync(CancellationToken ct)
    {
        if (_info is not null)
            return _info;
        var user = http.HttpContext?.User;
        if (user?.Identity?.IsAuthenticated != true)
            return _info = new ViewerInfo(null, [], new HashSet<string>(StringComparer.Ordinal), false, TimeZoneInfo.Utc);
        var all = await institutions.ListAsync(ct);
        var places = access.Memberships.Where(m => m.InstitutionId is not null)
            .GroupBy(m => m.InstitutionId!.Value)
            .Select(g => (Institution: all.FirstOrDefault(i => i.Id == g.Key.Value), Roles: g.Select(m => m.Role).ToHashSet()))
            .Where(p => p.Institution is not null)
            .OrderBy(p => p.Institution!.Code, StringComparer.Ordinal)
            .Select(p => new ViewerPlace(p.Institution!.Code, p.Institution.Name, p.Institution.TimeZone, p.Roles))
            .ToList();
        // Times read in the viewer's institution's zone; an authority or administrator without one reads UTC.
        var zone = places.Count > 0 && TimeZoneInfo.TryFindSystemTimeZoneById(places[0].TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        return _info = new ViewerInfo(user.FindFirstValue(ClaimTypes.Name), places, access.AuthorityCountries(), access.IsAdministrator, zone);
    }
}
