using System.Text.Json;
using Menagerie.App.Installations;
using Menagerie.Domain;
using Menagerie.Domain.Transfers;
using Microsoft.EntityFrameworkCore;

namespace Menagerie.App.Transfers.Packages;

/// <summary>What an import added: the transfer, now dispatched here, and what it had to create to hold its records.</summary>
public sealed record ImportedPackage(
    string Signer, TransferView Transfer, int Specimens, int Events, IReadOnlyList<string> NewCountries, IReadOnlyList<string> NewInstitutions, IReadOnlyList<string> NewTaxa);

public sealed partial class TransferPackages
{
    /// <summary>
    /// Verifies a package against the key this installation trusts for its signer, then adds in one save the
    /// transfer (dispatched, under the same id), the full records of its specimens (same global ids, every
    /// event as recorded) and whatever countries, institutions and taxa they mention that are not here yet.
    /// Any refusal writes nothing.
    /// </summary>
    public async Task<Outcome<ImportedPackage>> ImportAsync(byte[] file, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        var opened = SignedPackage.Open(file);
        if (!opened.IsValid)
            return opened.Violations.ToList();
        var (signer, bytes, signature) = opened.Value;
        var trusted = await db.TrustedInstallations.AsNoTracking().FirstOrDefaultAsync(t => t.Name == signer, ct);
        if (trusted is null)
        {
            return Refused("package.signer-unknown", "signer",
                $"The package is signed by installation '{signer}', which this installation does not trust. Ask '{signer}' for its public key ('menagerie installation key show' there), check its fingerprint with them, and register it with 'menagerie installation trust {signer} <public-key>'.");
        }
        if (!PublicKeys.Verify(trusted.PublicKey, bytes, signature))
        {
            return Refused("package.signature", "signature",
                $"The signature does not match the key trusted for '{signer}' (fingerprint {PublicKeys.Fingerprint(trusted.PublicKey)}): the package was changed after it was signed, or it was signed with another key. Nothing was imported.");
        }

        PackageContent? content;
        try
        {
            content = JsonSerializer.Deserialize<PackageContent>(bytes, ContentOptions);
        }
        catch (JsonException e)
        {
            return Refused("package.content", "content", $"The package's content cannot be read: {e.Message}");
        }
        if (content is null || !string.Equals(content.Format, PackageContent.FormatName, StringComparison.Ordinal) || content.Version != PackageContent.CurrentVersion)
            return Refused("package.version", "content", $"The package's content is not {PackageContent.FormatName} version {PackageContent.CurrentVersion}; this Menagerie cannot read it.");
        if (!string.Equals(content.Installation, signer, StringComparison.Ordinal))
            return Refused("package.signer-mismatch", "signer", $"The package says it comes from '{content.Installation}' but is signed as '{signer}'.");
        if (content.Transfer.Status != TransferStatus.Dispatched)
            return Refused("transfer.status", "transfer.status", $"Only a dispatched transfer is imported; this one is {new Term(content.Transfer.Status)}.");

        if (await AlreadyHereAsync(content, ct) is { } conflict)
            return new Outcome<ImportedPackage>.Conflict(conflict);
        var import = new PackageImport(db, content);
        var problems = await import.BuildAsync(ct);
        if (problems.Count > 0)
            return problems.ToList();
        var receiver = import.Transfer!.ReceiverId;
        if (!access.IsAdministrator && (import.NewInstitutions.Exists(i => i.Id == receiver) || !access.Has(receiver, TransferRoles.Receive)))
            return new Outcome<ImportedPackage>.Forbidden($"A transfer package is imported by a {TransferRoles.Describe(TransferRoles.Receive)} of the receiver, {content.Transfer.Receiver}.");

        db.Countries.AddRange(import.NewCountries);
        db.Institutions.AddRange(import.NewInstitutions);
        db.Taxa.AddRange(import.NewTaxa);
        db.Specimens.AddRange(import.Specimens);
        db.Transfers.Add(import.Transfer);
        try
        {
            await db.SaveChangesAsync($"transfer {content.Transfer.Id} from {content.Transfer.Sender} to {content.Transfer.Receiver} imported from installation {signer}", ct);
        }
        catch (DbUpdateException e) when (Persistence.Saving.IsWriteConflict(e))
        {
            db.ChangeTracker.Clear();
            return new Outcome<ImportedPackage>.Conflict($"Transfer {content.Transfer.Id}, or one of its specimens, was added to these records meanwhile; nothing was imported.");
        }
        return new Outcome<ImportedPackage>.Created(new(
            signer, await queries.ViewAsync(import.Transfer, ct), import.Specimens.Count, import.Specimens.Sum(s => s.Events.Count),
            import.NewCountries.Select(c => c.Code).ToList(), import.NewInstitutions.Select(i => i.Code).ToList(), import.NewTaxa.Select(t => t.ScientificName).ToList()));
    }

    /// <summary>A package brings a transfer and specimens new to this installation; one already here means it was imported before.</summary>
    private async Task<Wording?> AlreadyHereAsync(PackageContent content, CancellationToken ct)
    {
        var transferId = new TransferId(content.Transfer.Id);
        if (await db.Transfers.AnyAsync(t => t.Id == transferId, ct))
            return $"Transfer {content.Transfer.Id} is already in these records: this package was imported before. Nothing was imported.";
        var specimenIds = content.Specimens.Select(s => new SpecimenId(s.Id)).ToList();
        var present = await db.Specimens.Where(s => specimenIds.Contains(s.Id)).Select(s => s.Id).Take(1).ToListAsync(ct);
        if (present.Count > 0)
            return $"Specimen {present[0]} is already in these records; a package brings the records of specimens new to this installation. Nothing was imported.";
        var eventIds = content.Specimens.SelectMany(s => s.Events).Select(e => new EventId(e.Id)).ToList();
        if (await db.SpecimenEvents.AnyAsync(e => eventIds.Contains(e.Id), ct))
            return "Some of the package's events are already in these records; nothing was imported.";
        return null;
    }

    private static Outcome<ImportedPackage> Refused(string code, string field, Wording message) => new List<RuleViolation> { new(code, field, message) };
}
