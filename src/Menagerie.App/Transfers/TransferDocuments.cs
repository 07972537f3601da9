using Menagerie.App.Accounts;
using Menagerie.App.Persistence;
using Menagerie.Domain;
using Menagerie.Domain.Compliance;
using Menagerie.Domain.Documents;
using Menagerie.Domain.Specimens;
using Menagerie.Domain.Transfers;
using Microsoft.EntityFrameworkCore;

namespace Menagerie.App.Transfers;

public sealed record DocumentCoverageInput(int Line, string? Counts = null);

/// <summary>An attached scan: its file name, media type and content as base64.</summary>
public sealed record DocumentFileInput(string? Name, string? ContentType, string? Content);

/// <summary>A permit or certificate as a client registers it: type, number, issuer, dates, the lines it covers (none: the whole shipment).</summary>
public sealed record DocumentInput
{
    public string? Type { get; init; }
    public string? Number { get; init; }
    public string? IssuingAuthority { get; init; }
    public string? IssuingState { get; init; }
    public DateOnly? IssuedOn { get; init; }
    public DateOnly? ValidFrom { get; init; }
    public DateOnly? ValidUntil { get; init; }
    public IReadOnlyList<DocumentCoverageInput?>? Covers { get; init; }
    public DocumentFileInput? File { get; init; }
}

public sealed record DocumentCoverageView(int Line, string? Counts);

public sealed record DocumentView(
    Guid Id,
    DocumentType Type,
    string Number,
    string IssuingAuthority,
    string IssuingState,
    DateOnly IssuedOn,
    DateOnly? ValidFrom,
    DateOnly? ValidUntil,
    IReadOnlyList<DocumentCoverageView> Covers,
    string? FileName,
    string? FileType,
    int? FileBytes,
    DateTime RecordedAt,
    string RecordedBy)
{
    public static DocumentView Of(TransferDocument d) => new(
        d.Id.Value, d.Type, d.Number, d.IssuingAuthority, d.IssuingState, d.IssuedOn, d.ValidFrom, d.ValidUntil,
        d.Covers.OrderBy(c => c.Line).Select(c => new DocumentCoverageView(c.Line, c.Counts?.ToString())).ToList(),
        d.FileName, d.FileType, d.File?.Length, d.RecordedAt, d.RecordedBy);
}

public sealed record DocumentFile(string Name, string ContentType, byte[] Content);

/// <summary>
/// The permits and certificates of a transfer. Either party's registrar (or veterinarian, for health
/// certificates and the like) registers them; whoever may read the transfer reads them.
/// </summary>
public sealed class TransferDocuments(MenagerieDbContext db, TransferQueries queries, Access access)
{
    public static readonly Role[] Register = [Role.Registrar, Role.Veterinarian];

    public async Task<Outcome<DocumentView>> RegisterAsync(Guid transferId, DocumentInput input, CancellationToken ct)
    {
        var transfer = await db.Transfers.Include(t => t.Lines).AsSplitQuery().FirstOrDefaultAsync(t => t.Id == new TransferId(transferId), ct);
        if (transfer is null || !await queries.CanReadAsync(transfer, ct))
            return new Outcome<DocumentView>.NotFound($"No transfer {transferId}.");
        if (!access.Has(transfer.SenderId, Register) && !access.Has(transfer.ReceiverId, Register))
            return new Outcome<DocumentView>.Forbidden("A transfer's documents are registered by a registrar or veterinarian of the sender or the receiver.");

        var problems = new List<RuleViolation>();
        if (transfer.Status is TransferStatus.Declined or TransferStatus.Cancelled)
            problems.Add(new("transfer.status", "status", $"The transfer is {new Term(transfer.Status)}; it takes no more documents."));
        var type = ParseType(input.Type, problems);
        if (input.IssuedOn is null)
            problems.Add(new("document.issued", "issuedOn", "A document needs its issue date."));
        var covers = new List<(int, SexCounts?)>();
        foreach (var (cover, i) in InputList.Present(input.Covers, "covers", problems))
        {
            SexCounts? counts = null;
            if (!string.IsNullOrWhiteSpace(cover.Counts))
            {
                if (SexCounts.TryParse(cover.Counts, out var parsed))
                    counts = parsed;
                else
                    problems.Add(new("document.covers", $"covers[{i}].counts", SexCounts.Unreadable(cover.Counts)));
            }
            covers.Add((cover.Line, counts));
        }
        (string, string, byte[])? file = null;
        if (input.File is { } f)
        {
            try
            {
                file = (f.Name ?? "", string.IsNullOrWhiteSpace(f.ContentType) ? "application/octet-stream" : f.ContentType.Trim(), Convert.FromBase64String(f.Content ?? ""));
            }
            catch (FormatException)
            {
                problems.Add(new("document.file", "file.content", "The file's content is not base64."));
            }
        }
        if (problems.Count > 0)
            return problems;

        var registered = TransferDocument.Register(DocumentId.New(), transfer, new DocumentDetails
        {
            Type = type!.Value,
            Number = input.Number ?? "",
            IssuingAuthority = input.IssuingAuthority ?? "",
            IssuingState = input.IssuingState?.Trim() ?? "",
            IssuedOn = input.IssuedOn!.Value,
            ValidFrom = input.ValidFrom,
            ValidUntil = input.ValidUntil,
            Covers = covers,
        }, file, db.UtcNow, db.ActorName);
        if (!registered.IsValid)
            return registered.Violations.ToList();
        db.TransferDocuments.Add(registered.Value);
        return await Saving.SaveAsync(db, $"{DocumentNames.Name(registered.Value.Type)} {registered.Value.Number} registered for transfer {transfer.Id}", () => DocumentView.Of(registered.Value), ct, created: true);
    }

    public async Task<Outcome<IReadOnlyList<DocumentView>>> ListAsync(Guid transferId, CancellationToken ct)
    {
        var transfer = await db.Transfers.AsNoTracking().FirstOrDefaultAsync(t => t.Id == new TransferId(transferId), ct);
        if (transfer is null || !await queries.CanReadAsync(transfer, ct))
            return new Outcome<IReadOnlyList<DocumentView>>.NotFound($"No transfer {transferId}.");
        return new Outcome<IReadOnlyList<DocumentView>>.Ok(await ViewsAsync(db, transfer.Id, ct));
    }

    public async Task<Outcome<DocumentFile>> FileAsync(Guid transferId, Guid documentId, CancellationToken ct)
    {
        var transfer = await db.Transfers.AsNoTracking().FirstOrDefaultAsync(t => t.Id == new TransferId(transferId), ct);
        if (transfer is null || !await queries.CanReadAsync(transfer, ct))
            return new Outcome<DocumentFile>.NotFound($"No transfer {transferId}.");
        var document = await db.TransferDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == new DocumentId(documentId) && d.TransferId == transfer.Id, ct);
        return document is { File: { } content }
            ? new Outcome<DocumentFile>.Ok(new DocumentFile(document.FileName!, document.FileType!, content))
            : new Outcome<DocumentFile>.NotFound($"Transfer {transferId} has no document {documentId} with a file attached.");
    }

    internal static async Task<IReadOnlyList<DocumentView>> ViewsAsync(MenagerieDbContext db, TransferId transfer, CancellationToken ct) =>
        (await db.TransferDocuments.AsNoTracking().Include(d => d.Covers).Where(d => d.TransferId == transfer).ToListAsync(ct))
            .OrderBy(d => d.RecordedAt).ThenBy(d => d.Id.Value).Select(DocumentView.Of).ToList();

    private static DocumentType? ParseType(string? text, List<RuleViolation> problems)
    {
        // Both the names of the API (citesExportPermit) and those of shipment files (export-permit) are understood.
        if (Words.TryParse<DocumentType>(text, out var type) || DocumentNames.TryParse(text, out type))
            return type;
        problems.Add(new("document.type", "type", $"'{text}' is not a kind of document: {string.Join(", ", DocumentNames.All)}."));
        return null;
    }
}
