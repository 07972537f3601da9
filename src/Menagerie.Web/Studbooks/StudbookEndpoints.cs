using Menagerie.App;
using Menagerie.App.Studbooks;
using Menagerie.App.Studbooks.Plots;
using Menagerie.Domain;
using Menagerie.Web.Http;

namespace Menagerie.Web.Studbooks;

public static class StudbookEndpoints
{
    public static void MapStudbookEndpoints(this IEndpointRouteBuilder api)
    {
        var studbooks = api.MapGroup("/studbooks").WithTags("Studbooks");
        // A token-carrying client needs no antiforgery token, and the sign-in cookie is SameSite=Strict, so no other site can post here as a user.
        studbooks.MapPost("/", async (HttpRequest request, StudbookRecords records, HttpContext http, CancellationToken ct) =>
                await ReadUploadAsync(request, ct) switch
                {
                    (_, { } unreadable) => OutcomeResults.Invalid([unreadable]),
                    (var upload, _) => (await records.UploadAsync(upload!, ct)).ToHttp(http, location: u => $"/api/v1/studbooks/{u.Studbook.Id}"),
                })
            .DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data", "text/csv")
            .WithSummary("A studbook keeper uploads a studbook file (the CSV of 'menagerie studbook', or a PMx/SPARKS exchange.csv): as multipart/form-data with a 'file' field, or as a text/csv body. name (required), taxon (scientific name), scheme (default studbook) and asOf (the date the data were extracted, YYYY-MM-DD, unless the file has an as_of column) come as form fields or in the query. Individual X is linked to the specimen carrying the identifier scheme:X. A file with errors is refused with every problem, by line, and nothing is stored.")
            .Produces<StudbookUploaded>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        studbooks.MapGet("/", async (StudbookRecords records, HttpContext http, CancellationToken ct) =>
                (await records.ListAsync(ct)).ToHttp(http))
            .WithSummary("The studbooks you may read: those you keep, and those linked to an animal your institutions hold or own.")
            .Produces<IReadOnlyList<StudbookView>>();
        studbooks.MapGet("/{id:guid}", async (Guid id, StudbookRecords records, HttpContext http, CancellationToken ct) =>
                (await records.GetAsync(id, ct)).ToHttp(http))
            .WithSummary("A studbook: its name, taxon, keeper, file and the specimens its individuals are linked to that you may see.")
            .Produces<StudbookView>().ProducesProblem(StatusCodes.Status404NotFound);
        studbooks.MapGet("/{id:guid}/analysis", async (Guid id, string? reference, string? on, StudbookRecords records, HttpContext http, CancellationToken ct) =>
                (await records.AnalysisAsync(id, reference, on, ct)).ToHttp(http))
            .WithSummary("Inbreeding and mean kinship of every individual, gene diversity, FGE and FE, in the JSON of 'menagerie studbook analyze --format json'; an individual linked to a specimen you may see also names it. reference=auto (default), ref, alive or leaves; on=YYYY-MM-DD, the day whose living animals are the alive reference population (default: the studbook's asOf, else today).")
            .Produces<AnalysisReport>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        studbooks.MapGet("/{id:guid}/plots/{plot}.{format}", (Guid id, string plot, string format, string? reference, string? on, StudbookRecords records, HttpContext http, CancellationToken ct) =>
                PlotAsync(records.PlotAsync(id, plot, null, format, reference, on, null, ct), http))
            .WithSummary("A plot of 'menagerie studbook plot' as svg or png, in English: mean-kinship, age-sex-pyramid or founder-representation; reference and on as for the analysis.")
            .Produces(StatusCodes.Status200OK, contentType: "image/svg+xml", additionalContentTypes: "image/png").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        studbooks.MapGet("/{id:guid}/plots/pedigree/{individual}.{format}", (Guid id, string individual, string format, string? reference, string? on, StudbookRecords records, HttpContext http, CancellationToken ct) =>
                PlotAsync(records.PlotAsync(id, StudbookPlots.Name(StudbookPlotKind.Pedigree), individual, format, reference, on, null, ct), http))
            .WithSummary("The pedigree chart of one individual, as svg or png: its parents, grandparents and great-grandparents.")
            .Produces(StatusCodes.Status200OK, contentType: "image/svg+xml", additionalContentTypes: "image/png").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        studbooks.MapGet("/{id:guid}/pairs", async (Guid id, string? reference, string? on, int? top, StudbookRecords records, HttpContext http, CancellationToken ct) =>
                (await records.PairsAsync(id, reference, on, top ?? 20, ct)).ToHttp(http))
            .WithSummary("The best male × female pairs of the reference population, as 'menagerie studbook pairs' ranks them: top (default 20, at most 1,000); reference and on as for the analysis.")
            .Produces<PairsReport>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        studbooks.MapPost("/{id:guid}/genedrop", async (Guid id, GeneDropRequest? request, StudbookRecords records, HttpContext http, CancellationToken ct) =>
                (await records.StartGeneDropAsync(id, request ?? new GeneDropRequest(null, null), ct)).ToHttp(http, location: run => $"/api/v1/studbooks/{id}/genedrop/{run.Id}"))
            .WithSummary("Starts a gene drop in the background and answers 201 at once with the run; follow it at its Location until its state is done. Body: iterations (2 to 100,000, default 1000), seed (default 1), reference and on as for the analysis. The run is known to the process that runs it, to the user who started it, for an hour after it ends.")
            .Produces<GeneDropRun>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        studbooks.MapGet("/{id:guid}/genedrop/{run:guid}", async (Guid id, Guid run, StudbookRecords records, HttpContext http, CancellationToken ct) =>
                (await records.GeneDropAsync(id, run, ct)).ToHttp(http))
            .WithSummary("A gene drop you started: its state (waiting, running, done, failed), iterations done, and once done its result as 'menagerie studbook genedrop --format json' gives it.")
            .Produces<GeneDropRun>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> PlotAsync(Task<Outcome<StudbookPlotImage>> plot, HttpContext http) =>
        (await plot) switch
        {
            Outcome<StudbookPlotImage>.Ok { Value: var image } => TypedResults.File(image.Content, image.MediaType),
            var refused => refused.ToHttp(http),
        };

    private static readonly string[] UploadFields = ["name", "taxon", "scheme", "asOf"];

    private static async Task<(StudbookUpload? Upload, RuleViolation? Unreadable)> ReadUploadAsync(HttpRequest request, CancellationToken ct) =>
        await CsvUploads.ReadAsync(request, "studbook.form", "studbook", UploadFields, ct) switch
        {
            ({ } u, _) => (new StudbookUpload(u.Field("name"), u.Field("taxon"), u.Field("scheme"), u.FileName, u.Content, u.Field("asOf")), null),
            (_, var unreadable) => (null, unreadable),
        };
}
