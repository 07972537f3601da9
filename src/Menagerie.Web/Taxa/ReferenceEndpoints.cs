using Menagerie.App;
using Menagerie.App.Accounts;
using Menagerie.App.Compliance.Reference;
using Menagerie.Domain;
using Menagerie.Web.Http;

namespace Menagerie.Web.Taxa;

/// <summary>The reference data compliance reads, for anyone signed in, as <c>menagerie reference status|show</c> prints them.</summary>
public static class ReferenceEndpoints
{
    public static void MapReferenceEndpoints(this IEndpointRouteBuilder api)
    {
        var reference = api.MapGroup("/reference").WithTags("Reference data");
        reference.MapGet("/status", async (ListingLookup lookup, CancellationToken ct) => TypedResults.Ok(await lookup.StatusAsync(ct)))
            .WithSummary("The reference data in use: the checklist edition, how many listing changes are recorded over it and the newest, how far they are complete per class and Appendix, and the Party list's date.");
        reference.MapGet("/listings/{taxon}", async (string taxon, string? on, ListingLookup lookup, HttpContext http, CancellationToken ct) =>
            {
                var (day, invalid) = QueryDates.Day(on, "reference.on", "on");
                if (invalid is not null)
                    return invalid;
                return (await lookup.ShowAsync(taxon, day, ct)).ToHttp(http);
            })
            .WithSummary("A taxon's listings in force on a day (?on=YYYY-MM-DD, today by default): its lineage, the taxon it is listed under, each listing with its source and as-of date, and the dated changes to the listings of its lineage. A synonym resolves to its listed name.")
            .Produces<TaxonListingView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        reference.MapPost("/suspensions", (HttpRequest request, TradeMeasureImport import, Access access, HttpContext http, CancellationToken ct) =>
                ImportAsync(TradeMeasureKind.Suspensions, request, import, access, http, ct))
            .DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data", "text/csv")
            .WithSummary("An administrator replaces the recommendations to suspend trade (rule C-23) with those of a Species+ \"CITES Suspensions\" download: as multipart/form-data with a 'file' field, or as a text/csv body; fileName (how the file and each measure's source are named) and asOf (the day the download is current to, YYYY-MM-DD; by default the date in a Species+ file name) as form fields or in the query. A file with problems is refused with every problem, by line, and nothing changes.")
            .Produces<TradeMeasureImported>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        reference.MapPost("/quotas", (HttpRequest request, TradeMeasureImport import, Access access, HttpContext http, CancellationToken ct) =>
                ImportAsync(TradeMeasureKind.Quotas, request, import, access, http, ct))
            .DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data", "text/csv")
            .WithSummary("An administrator replaces the export quotas (rule C-23) with those of a Species+ \"CITES Quotas\" download, sent as for /reference/suspensions.")
            .Produces<TradeMeasureImported>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static readonly string[] UploadFields = ["fileName", "asOf"];

    private static async Task<IResult> ImportAsync(TradeMeasureKind kind, HttpRequest request, TradeMeasureImport import, Access access, HttpContext http, CancellationToken ct)
    {
        // Refused before the file is read.
        if (!access.IsAdministrator)
            return new Outcome<TradeMeasureImported>.Forbidden(TradeMeasureImport.AdministratorsOnly).ToHttp(http);
        var what = kind == TradeMeasureKind.Suspensions ? "suspensions download" : "quotas download";
        var (upload, unreadable) = await CsvUploads.ReadAsync(request, "measures.form", what, UploadFields, ct);
        if (unreadable is not null)
            return OutcomeResults.Invalid([unreadable]);
        if (upload!.Content is not { Length: > 0 } content)
            return OutcomeResults.Invalid([new RuleViolation("measures.file", "file", $"Send the Species+ {what} as the form's field 'file', or as a text/csv body.")]);
        var (asOf, invalid) = QueryDates.Day(upload.Field("asOf"), "measures.asOf", "asOf");
        if (invalid is not null)
            return invalid;
        var name = upload.Field("fileName") is { Length: > 0 } given ? given : upload.FileName ?? (kind == TradeMeasureKind.Suspensions ? "suspensions.csv" : "quotas.csv");
        using var stream = new MemoryStream(content, writable: false);
        return (await import.ImportAsync(kind, name, stream, asOf, ct)).ToOutcome().ToHttp(http);
    }
}
