using Menagerie.Domain;
using Menagerie.Domain.Specimens;

namespace Menagerie.App.Accounts;

/// <summary>
/// What the person behind the current request or command may see and change. The web app fills it
/// from the signed-in user's memberships, read afresh for every request; the command line works as the
/// installation's operator, who may do everything. Until one of those happens it allows nothing.
/// </summary>
public sealed class Access
{
    private IReadOnlyList<Membership> _memberships = [];
    private bool _operator;
    private string? _signature;

    public bool IsSignedIn => _operator || _memberships.Count > 0;

    /// <summary>The roles the person holds, as read for this request (none for the operator, who needs none).</summary>
    public IReadOnlyList<Membership> Memberships => _memberships;

    public bool IsAdministrator => _operator || _memberships.Any(m => m.Role == Role.Administrator);

    public void ActAsOperator()
    {
        _operator = true;
        _signature = null;
    }

    public void ActAs(IReadOnlyList<Membership> memberships)
    {
        _memberships = memberships;
        _signature = null;
    }

    /// <summary>The person's memberships as one text: two people with the same ones are shown the same answers.</summary>
    public string Signature => _signature ??= _operator
        ? "operator"
        : string.Join(";", _memberships.Select(m => $"{m.Role}@{m.InstitutionId?.Value}/{m.CountryCode}").Order(StringComparer.Ordinal));

    /// <summary>Holds any role at the institution.</summary>
    public bool IsMemberOf(InstitutionId institution) => _operator || _memberships.Any(m => m.InstitutionId == institution);

    /// <summary>Holds one of these roles at the institution.</summary>
    public bool Has(InstitutionId institution, params Role[] roles) =>
        _operator || _memberships.Any(m => m.InstitutionId == institution && roles.Contains(m.Role));

    /// <summary>Holds one of these roles at any institution.</summary>
    public bool HasAnywhere(params Role[] roles) => _operator || _memberships.Any(m => m.InstitutionId is not null && roles.Contains(m.Role));

    /// <summary>An authority over the country: reads the transfers leaving or entering it.</summary>
    public bool IsAuthorityFor(string countryCode) =>
        _operator || _memberships.Any(m => m.Role == Role.Authority && string.Equals(m.CountryCode, countryCode, StringComparison.Ordinal));

    /// <summary>The countries whose transfers this person reads as an authority.</summary>
    public IReadOnlySet<string> AuthorityCountries() =>
        _memberships.Where(m => m.Role == Role.Authority && m.CountryCode is not null).Select(m => m.CountryCode!).ToHashSet(StringComparer.Ordinal);

    /// <summary>An institution reads what it holds, and what it owns while it is on loan elsewhere.</summary>
    public bool CanRead(Specimen specimen) =>
        IsAdministrator || (specimen.HolderId is { } holder && IsMemberOf(holder)) || (specimen.OwnerId is { } owner && IsMemberOf(owner))
        || (specimen.DiedAtId is { } diedAt && IsMemberOf(diedAt));

    /// <summary>The specimens this person may read (<see cref="CanRead"/>), as a query the database answers.</summary>
    public IQueryable<Specimen> Readable(IQueryable<Specimen> specimens)
    {
        ArgumentNullException.ThrowIfNull(specimens);
        if (ReadableInstitutions() is not { } readable)
            return specimens;
        var ids = readable.ToList();
        return specimens.Where(s => (s.HolderId != null && ids.Contains(s.HolderId.Value)) || (s.OwnerId != null && ids.Contains(s.OwnerId.Value))
            || (s.DiedAtId != null && ids.Contains(s.DiedAtId.Value)));
    }

    /// <summary>
    /// Events are recorded by the holder's registrar or veterinarian; an animal's records after its death by those
    /// of the institution where it died, who may correct or retract the death itself.
    /// </summary>
    public bool CanRecordEvents(Specimen specimen) =>
        CanRecordEventsAt(specimen.HolderId) || (specimen.HolderId is null && specimen.DiedAtId is { } diedAt && Has(diedAt, Role.Registrar, Role.Veterinarian));

    /// <summary>
    /// The holder's registrar or veterinarian records events. An animal with no holder (gone outside the records,
    /// lost, in transit, and for <see cref="CanRecordEvents"/> besides the institution where it died, dead) is the
    /// administrator's, or the command line operator's: a late note, an identifier or a correction, and the rules of
    /// its history say what may follow a death.
    /// </summary>
    public bool CanRecordEventsAt(InstitutionId? holder) => holder is { } at ? Has(at, Role.Registrar, Role.Veterinarian) : IsAdministrator;

    /// <summary>
    /// An animal's measurements and weight, from which its crate is sized, are recorded by its holder's transport
    /// coordinator too, who crates it; every other event stays the registrar's and the veterinarian's.
    /// </summary>
    public bool CanMeasureAt(InstitutionId? holder) => CanRecordEventsAt(holder) || (holder is { } at && Has(at, Role.TransportCoordinator));

    /// <summary>A specimen's own facts (house name, sex, provenance) and its groups' splits and merges are the holder's registrar's.</summary>
    public bool CanDescribeAt(InstitutionId? holder) => holder is { } at && Has(at, Role.Registrar);

    /// <summary>The institutions whose holdings this person may list; null when all.</summary>
    public IReadOnlySet<InstitutionId>? ReadableInstitutions() =>
        IsAdministrator ? null : _memberships.Where(m => m.InstitutionId is not null).Select(m => m.InstitutionId!.Value).ToHashSet();
}
