using System.Globalization;
using Menagerie.Domain.Compliance;
using Menagerie.Domain.Documents;
using Menagerie.Domain.Transport;
using PdfSharp;
using PdfSharp.Drawing;

namespace Menagerie.App.Transport.Documents;

/// <summary>One rendered transport document: the file name it is saved or served under, and the PDF.</summary>
public sealed record TransportDocument(string FileName, byte[] Pdf);

/// <summary>
/// A transfer's transport documents as PDF (transfer-rules §2.4): a label for each crate (T-10 to T-13), the
/// shipment manifest (T-13), the Shipper's Certification for Live Animals (T-14) and the air waybill's handling
/// data (T-15, T-16, T-18). Labels link each animal to its record under <c>baseUrl</c>, the address people reach
/// Menagerie at, which the caller takes from its configuration.
/// </summary>
public static class TransportDocuments
{
    public const string Labels = "labels.pdf";
    public const string Manifest = "manifest.pdf";
    public const string ShippersCertification = "shippers-certification.pdf";
    public const string AirWaybillHandling = "air-waybill-handling.pdf";

    public static IReadOnlyList<string> FileNames { get; } = [Labels, Manifest, ShippersCertification, AirWaybillHandling];

    public static IReadOnlyList<TransportDocument> Render(TransportPapers papers, Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(papers);
        ArgumentNullException.ThrowIfNull(baseUrl);
        return [.. FileNames.Select(name => Render(papers, baseUrl, name)!)];
    }

    /// <summary>One document by its file name (one of <see cref="FileNames"/>, any case); null for any other name.</summary>
    public static TransportDocument? Render(TransportPapers papers, Uri baseUrl, string fileName)
    {
        ArgumentNullException.ThrowIfNull(papers);
        ArgumentNullException.ThrowIfNull(baseUrl);
        byte[]? pdf = fileName?.ToLowerInvariant() switch
        {
            Labels => CrateLabels.Render(papers, baseUrl),
            Manifest => ShipmentManifest.Render(papers),
            ShippersCertification => ShippersCertificationForm.Render(papers),
            AirWaybillHandling => AirWaybillHandlingData.Render(papers),
            _ => null,
        };
        return pdf is null ? null : new TransportDocument(fileName!.ToLowerInvariant(), pdf);
    }

    /// <summary>Writes every document into <paramref name="directory"/> (created if needed), replacing files of the same name; the paths written.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(TransportPapers papers, Uri baseUrl, string directory, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory.CreateDirectory(directory);
        var paths = new List<string>();
        foreach (var document in Render(papers, baseUrl))
        {
            var path = Path.Combine(directory, document.FileName);
            await File.WriteAllBytesAsync(path, document.Pdf, ct);
            paths.Add(path);
        }
        return paths;
    }

    /// <summary>The specimen's record in the API; a base address with a path ("https://zoo.example/menagerie") keeps it.</summary>
    public static Uri SpecimenUrl(Uri baseUrl, Guid specimen)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        return new Uri(string.Create(CultureInfo.InvariantCulture, $"{baseUrl.AbsoluteUri.TrimEnd('/')}/api/v1/specimens/{specimen}"));
    }
}

/// <summary>How the documents print the plan's values, the same on every document.</summary>
internal static class Print
{
    /// <summary>
    /// A document but the labels, opened: its title, a draft notice while the plan is blocked, the transfer, its
    /// parties and the 24-hour contact.
    /// </summary>
    public static PdfSheets Start(TransportPapers papers, string title, PageOrientation orientation, FieldStyle style)
    {
        var sheets = new PdfSheets($"{title}, transfer {papers.Reference}", orientation);
        sheets.Paragraph(title.ToUpperInvariant(), DocumentFont.Bold(16));
        if (Draft(papers.Plan) is { } draft)
            sheets.Paragraph(draft, DocumentFont.Bold(9), brush: XBrushes.DarkRed);
        sheets.Space(6);
        sheets.Field("Transfer", papers.Reference, style);
        sheets.Field("Shipper", $"{Party(papers.Shipper)}\n{Address(papers.Shipper)}", style);
        sheets.Field("Consignee", $"{Party(papers.Consignee)}\n{Address(papers.Consignee)}", style);
        sheets.Field("24-hour contact", Contact(papers), style);
        return sheets;
    }

    public static string Kg(decimal kg) => string.Create(CultureInfo.InvariantCulture, $"{kg:0.#} kg");

    public static string Animals(int count) => count == 1 ? "1 animal" : string.Create(CultureInfo.InvariantCulture, $"{count} animals");

    public static string Party(InstitutionParty p) => $"{p.Name} ({p.Code}), {p.Country}";

    public static string Address(InstitutionParty p) => p.Address is { Length: > 0 } a ? a : "Address not recorded";

    public static string Contact(TransportPapers papers) => papers.EmergencyContact is { Length: > 0 } c ? c : "Not recorded";

    public static string Utc(DateTime at) => at.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan d) => string.Create(CultureInfo.InvariantCulture, $"{(int)d.TotalHours} h {d.Minutes:00} min");

    public static string Leg(JourneyLeg leg)
    {
        var carrier = leg.Carrier is { Length: > 0 } c ? $", {c}" : "";
        var transit = leg.Transit.Count > 0 ? $", transit {string.Join(", ", leg.Transit)}" : "";
        return $"{leg.From} → {leg.To}: {Utc(leg.Departs)} to {Utc(leg.Arrives)} ({Words.Kebab(leg.Mode)}{carrier}{transit})";
    }

    /// <summary>A blocked plan still prints, so people can check the papers, but no one should mistake them for final.</summary>
    private static string? Draft(TransportPlan plan) => plan.Verdict == Verdict.Blocked
        ? $"DRAFT: the transport plan is blocked ({string.Join(", ", plan.Blocks.Select(b => b.Rule).Distinct(StringComparer.Ordinal))}); not for dispatch."
        : null;

    // Art. VII certificates and a non-Party's comparable documents stand in for CITES permits, so they travel attached too.
    private static readonly HashSet<string> CitesTypes = new(
        [.. new[]
        {
            DocumentType.CitesExportPermit, DocumentType.CitesImportPermit, DocumentType.CitesReExportCertificate, DocumentType.ComparableDocumentation,
            DocumentType.CaptiveBreedingCertificate, DocumentType.PreConventionCertificate, DocumentType.TravellingExhibitionCertificate,
        }.Select(DocumentNames.Name)],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>The transfer's CITES permits and certificates, and documents that stand in for them.</summary>
    public static IEnumerable<TransferDocumentSummary> Cites(TransportPapers papers) => papers.Documents.Where(d => CitesTypes.Contains(d.Type));
}
