using Menagerie.App.Accounts;
using Menagerie.App.Persistence;
using Menagerie.Domain;
using Menagerie.Domain.Compliance;
using Menagerie.Domain.Documents;
using Menagerie.Domain.Transfers;
using Microsoft.EntityFrameworkCore;

namespace Menagerie.App.Transfers;

/// <summary>An authority's word on a transfer: <c>approve</c>, <c>object</c> (with the reason) or <c>withdraw</c> (its objection).</summary>
public sealed record SignOffInput(string? Decision, string? Reason);

/// <summary>
/// The authorities' sign-off. The authority of the sender's or the receiver's country approves a transfer, which
/// registers its ministry approval for it, or objects with the reason, which blocks clearance and dispatch (L-04)
/// until it withdraws the objection. Each is a step of the transfer's timeline and an entry of the ledger.
/// </summary>
public sealed class TransferSignOffs(MenagerieDbContext db, TransferQueries queries, Access access)
{
    public async Task<Outcome<TransferView>> SignOffAsync(Guid id, SignOffInput input, long? expected, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var transfer = await TransferQueries.Whole(db.Transfers).FirstOrDefaultAsync(t => t.Id == new TransferId(id), ct);
        if (transfer is null || !await queries.CanReadAsync(transfer, ct))
            return new Outcome<TransferView>.NotFound($"No transfer {id}.");
        var countries = await CountriesAsync(db, transfer, ct);
        if (SideOf(access, countries) is not { } side)
            return new Outcome<TransferView>.Forbidden($"A transfer is signed off by the authority of the sender's country ({countries.Sender}) or of the receiver's ({countries.Receiver}).");
        if (expected is { } version && version != transfer.Version)
            return new Outcome<TransferView>.Stale(transfer.Version);
        if (!Words.TryParse<SignOffDecision>(input.Decision, out var decision))
            return new List<RuleViolation> { new("transfer.sign-off", "decision", $"'{input.Decision}' is not a decision: approve, object or withdraw.") };

        var now = db.UtcNow;
        var violations = transfer.SignOff(side, decision, input.Reason, now, db.ActorName);
        if (violations.Count > 0 && violations.All(v => v.Code == "transfer.status"))
            return new Outcome<TransferView>.Conflict(violations[0].Wording);
        if (violations.Count > 0)
            return violations.ToList();
        var country = side == TransferParty.Sender ? countries.Sender : countries.Receiver;
        var said = decision switch
        {
            SignOffDecision.Approve => "approved",
            SignOffDecision.Object => "objected to",
            _ => "no longer objected to",
        };
        var reason = $"transfer {transfer.Id} {said} by the authority of {country}";
        if (decision == SignOffDecision.Approve)
        {
            var document = Approval(transfer, country, now, db.ActorName);
            db.TransferDocuments.Add(document);
            reason += $": {DocumentNames.Name(document.Type)} {document.Number}";
        }
        else if (transfer.Steps[^1].Reason is { } why)
        {
            reason += $": {why}";
        }
        try
        {
            await db.SaveChangesAsync(reason, ct);
        }
        catch (DbUpdateException e) when (Saving.IsWriteConflict(e))
        {
            db.ChangeTracker.Clear();
            return new Outcome<TransferView>.Conflict("Another change to this transfer, or to one of its animals, was saved first; read it again and retry.");
        }
        return new Outcome<TransferView>.Ok(await queries.ViewAsync(transfer, ct));
    }

    /// <summary>
    /// The side whose country's authority the person is: the sender's first, so that an authority of both states (a
    /// transfer within one country) signs for the sender.
    /// </summary>
    internal static TransferParty? SideOf(Access access, (string Sender, string Receiver) countries) =>
        access.IsAuthorityFor(countries.Sender) ? TransferParty.Sender
        : access.IsAuthorityFor(countries.Receiver) ? TransferParty.Receiver
        : null;

    internal static async Task<(string Sender, string Receiver)> CountriesAsync(MenagerieDbContext db, Transfer transfer, CancellationToken ct)
    {
        var codes = await db.Institutions.AsNoTracking().Where(i => i.Id == transfer.SenderId || i.Id == transfer.ReceiverId)
            .ToDictionaryAsync(i => i.Id, i => i.CountryCode, ct);
        return (codes[transfer.SenderId], codes[transfer.ReceiverId]);
    }

    /// <summary>
    /// The ministry approval the authority registers by approving: issued by its state today, for the whole shipment,
    /// numbered after the transfer and the step so that it is never taken for another consignment's (C-53).
    /// </summary>
    private static TransferDocument Approval(Transfer transfer, string country, DateTime now, string by)
    {
        var registered = TransferDocument.Register(DocumentId.New(), transfer, new DocumentDetails
        {
            Type = DocumentType.MinistryApproval,
            Number = $"{country}-{transfer.Id.Value:N}-{transfer.Steps.Count}",
            IssuingAuthority = $"Authority of {country}: {by}",
            IssuingState = country,
            IssuedOn = DateOnly.FromDateTime(now),
        }, null, now, by);
        return registered.IsValid ? registered.Value : throw new InvalidOperationException(string.Join("; ", registered.Violations.Select(v => v.Message)));
    }
}
