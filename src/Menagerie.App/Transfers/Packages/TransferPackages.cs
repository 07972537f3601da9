using System.Text.Json;
using Menagerie.App.Accounts;
using Menagerie.App.Installations;
using Menagerie.App.Persistence;
using Menagerie.Domain;
using Menagerie.Domain.Specimens;
using Menagerie.Domain.Transfers;
using Microsoft.EntityFrameworkCore;

namespace Menagerie.App.Transfers.Packages;

/// <summary>A signed package, ready to write to a file as it is: <see cref="Content"/> is the file's exact bytes.</summary>
public sealed record ExportedPackage(Guid Transfer, string Sender, string Receiver, string Signer, string Fingerprint, int Specimens, int Events, byte[] Content);

/// <summary>
/// Moves a dispatched transfer between two Menagerie installations: the sender exports it as a package signed
/// with its installation's key; the receiver imports it, after verifying the signature with the key it trusts
/// for that installation, and then receives it as it would a transfer of its own.
/// </summary>
public sealed partial class TransferPackages(MenagerieDbContext db, TransferQueries queries, InstallationCommands installation, Access access)
{
    /// <summary>A package file larger than this is not read.</summary>
    public const int MaxFileBytes = SignedPackage.MaxBytes;

    /// <summary>The shared JSON shape, strict on reading: a required field missing or null refuses the package.</summary>
    internal static readonly JsonSerializerOptions ContentOptions = new(Json.Options)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public async Task<Outcome<ExportedPackage>> ExportAsync(Guid id, CancellationToken ct)
    {
        var transfer = await TransferQueries.Whole(db.Transfers.AsNoTracking()).FirstOrDefaultAsync(t => t.Id == new TransferId(id), ct);
        if (transfer is null || !await queries.CanReadAsync(transfer, ct))
            return new Outcome<ExportedPackage>.NotFound($"No transfer {id}.");
        if (!access.Has(transfer.SenderId, TransferRoles.Dispatch))
            return new Outcome<ExportedPackage>.Forbidden($"A transfer package is exported by a {TransferRoles.Describe(TransferRoles.Dispatch)} of the sender.");
        if (transfer.Status != TransferStatus.Dispatched)
        {
            return new List<RuleViolation>
            {
                new("transfer.status", "status",
                    $"Only a dispatched transfer can be exported, for the receiving installation to receive it; this one is {new Term(transfer.Status)}."),
            };
        }
        if (await installation.KeyAsync(ct) is not { } key)
            return new Outcome<ExportedPackage>.Forbidden("This installation has no signing key yet; an administrator creates it with 'installation key show'.");
        if (!key.IsValid)
            return key.Violations.ToList();

        var content = await ContentAsync(transfer, key.Value.Name, ct);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(content, ContentOptions);
        var file = SignedPackage.Write(key.Value.Name, bytes, key.Value.Sign(bytes));
        return new Outcome<ExportedPackage>.Ok(new(
            id, content.Transfer.Sender, content.Transfer.Receiver, key.Value.Name, PublicKeys.Fingerprint(key.Value.PublicKey),
            content.Specimens.Count, content.Specimens.Sum(s => s.Events.Count), file));
    }

    private async Task<PackageContent> ContentAsync(Transfer transfer, string signer, CancellationToken ct)
    {
        // The specimen each line names, and the group split off it when only part of a group travelled.
        var ids = transfer.Lines.OrderBy(l => l.Number).SelectMany(l => new[] { l.SpecimenId, l.ShippedId!.Value }).Distinct().ToList();
        var loaded = await db.Specimens.AsNoTracking().Include(s => s.Events).Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var specimens = ids.Select(i => loaded[i]).ToList();

        var institutionIds = specimens.SelectMany(s => s.Events)
            .SelectMany(e => new[] { e.InstitutionId, e.CounterpartyId, e.OwnerId })
            .Where(i => i is not null).Select(i => i!.Value)
            .Append(transfer.SenderId).Append(transfer.ReceiverId).Distinct().ToList();
        var institutions = await db.Institutions.AsNoTracking().Where(i => institutionIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var countryCodes = institutions.Values.Select(i => i.CountryCode).Distinct(StringComparer.Ordinal).ToList();
        var countries = await db.Countries.AsNoTracking().Where(c => countryCodes.Contains(c.Code)).OrderBy(c => c.Code).ToListAsync(ct);
        var taxonIds = specimens.Select(s => s.TaxonId).Distinct().ToList();
        var taxa = await db.Taxa.AsNoTracking().Where(t => taxonIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        string Code(InstitutionId i) => institutions[i].Code;

        return new PackageContent(
            PackageContent.FormatName,
            PackageContent.CurrentVersion,
            signer,
            db.UtcNow,
            new PackageTransfer(
                transfer.Id.Value, Code(transfer.SenderId), Code(transfer.ReceiverId), transfer.Terms, transfer.ReturnDue, transfer.InitiatedBy,
                transfer.Status, transfer.DispatchedAt!.Value,
                transfer.Lines.OrderBy(l => l.Number).Select(l => new PackageLine(l.Number, l.SpecimenId.Value, l.Counts.ToString(), l.ShippedId!.Value.Value)).ToList(),
                transfer.Steps.OrderBy(s => s.Number).Select(s => new PackageStep(s.Number, s.Action, s.Party, s.By, s.RecordedAt, s.At, s.Reason)).ToList()),
            countries.Select(c => new PackageCountry(c.Code, c.Name, c.IsCitesParty, c.CitesEntryIntoForce, c.StatusAsOf, c.StatusSource)).ToList(),
            institutions.Values.OrderBy(i => i.Code, StringComparer.Ordinal).Select(i => new PackageInstitution(i.Code, i.Name, i.CountryCode, i.TimeZone)).ToList(),
            taxa.Values.OrderBy(t => t.ScientificName, StringComparer.Ordinal).Select(t => new PackageTaxon(t.ScientificName, t.CommonName, t.Rank, t.TaxonClass)).ToList(),
            specimens.Select(s => new PackageSpecimen(
                s.Id.Value, s.Kind, taxa[s.TaxonId].ScientificName, s.Sex, s.Name,
                s.Events.OrderBy(e => e.Sequence).Select(e => Event(e, Code)).ToList())).ToList());
    }

    private static PackageEvent Event(SpecimenEvent e, Func<InstitutionId, string> code) => new()
    {
        Id = e.Id.Value,
        Sequence = e.Sequence,
        Type = e.Type,
        Date = e.Date,
        DateEstimated = e.DateEstimated,
        At = e.At,
        Institution = e.InstitutionId is { } institution ? code(institution) : null,
        Counterparty = e.CounterpartyId is { } counterparty ? code(counterparty) : null,
        CounterpartyName = e.CounterpartyName,
        Owner = e.OwnerId is { } owner ? code(owner) : null,
        Counts = e.Counts?.ToString(),
        Sire = e.SireId?.Value,
        Dam = e.DamId?.Value,
        IdentifierScheme = e.IdentifierScheme,
        IdentifierValue = e.IdentifierValue,
        WeightKg = e.WeightKg,
        Measured = e.Details.Measured,
        Welfare = e.Details.Welfare,
        Text = e.Text,
        Transfer = e.TransferId?.Value,
        Related = e.RelatedId?.Value,
        Supersedes = e.Supersedes?.Value,
        Reason = e.Reason,
        RecordedAt = e.RecordedAt,
        RecordedBy = e.RecordedBy,
    };
}
