using Menagerie.App.Institutions;
using Menagerie.App.Specimens;
using Menagerie.Web.Http;

namespace Menagerie.Web.Institutions;

/// <summary>A renamed institution, its country, and its time zone (an IANA id; left out, it keeps the one it has).</summary>
public sealed record InstitutionUpdate(string Name, string Country, string? TimeZone = null);

public static class InstitutionEndpoints
{
    public static void MapInstitutionEndpoints(this IEndpointRouteBuilder api)
    {
        var countries = api.MapGroup("/countries").WithTags("Countries");
        countries.MapGet("/", async (InstitutionCommands commands, CancellationToken ct) => TypedResults.Ok(await commands.ListCountriesAsync(ct)))
            .WithSummary("Countries with their CITES Party status, its date and source.");
        countries.MapPost("/", async (CountryInput input, InstitutionCommands commands, HttpContext http, CancellationToken ct) =>
                (await commands.CreateCountryAsync(input, ct)).ToHttp(http, c => c.Version, c => $"/api/v1/countries/{c.Code}"))
            .WithSummary("Adds a country.")
            .Produces<CountryView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        countries.MapGet("/{code}", async (string code, InstitutionCommands commands, HttpContext http, CancellationToken ct) =>
                (await commands.GetCountryAsync(code, ct)).ToHttp(http, c => c.Version))
            .WithSummary("A country, by ISO 3166-1 alpha-2 code.")
            .Produces<CountryView>().ProducesProblem(StatusCodes.Status404NotFound);
        countries.MapPut("/{code}", async (string code, CountryInput input, InstitutionCommands commands, HttpContext http, CancellationToken ct) =>
                await OutcomeResults.IfMatchAsync(http, async version => (await commands.UpdateCountryAsync(code, input, version, ct)).ToHttp(http, c => c.Version)))
            .WithSummary("Records a country's CITES status as now known, with its as-of date and source. Send If-Match with the ETag you read.")
            .ProducesConditionalWrite<CountryView>();

        var institutions = api.MapGroup("/institutions").WithTags("Institutions");
        institutions.MapGet("/", async (InstitutionCommands commands, CancellationToken ct) => TypedResults.Ok(await commands.ListAsync(ct)))
            .WithSummary("Every institution in these records.");
        institutions.MapPost("/", async (InstitutionInput input, InstitutionCommands commands, HttpContext http, CancellationToken ct) =>
                (await commands.CreateAsync(input, ct)).ToHttp(http, i => i.Version, i => $"/api/v1/institutions/{i.Code}"))
            .WithSummary("Adds an institution; its code (e.g. MOSCOW) names it everywhere, its timeZone is an IANA id (e.g. Europe/Moscow).")
            .Produces<InstitutionView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        institutions.MapGet("/{code}", async (string code, InstitutionCommands commands, HttpContext http, CancellationToken ct) =>
                (await commands.GetAsync(code, ct)).ToHttp(http, i => i.Version))
            .WithSummary("An institution, by code or id.")
            .Produces<InstitutionView>().ProducesProblem(StatusCodes.Status404NotFound);
        institutions.MapPut("/{code}", async (string code, InstitutionUpdate update, InstitutionCommands commands, HttpContext http, CancellationToken ct) =>
                await OutcomeResults.IfMatchAsync(http, async version => (await commands.UpdateAsync(code, update.Name, update.Country, update.TimeZone, version, ct)).ToHttp(http, i => i.Version)))
            .WithSummary("Renames an institution, corrects its country or sets its time zone (left out, it stays). Send If-Match with the ETag you read.")
            .ProducesConditionalWrite<InstitutionView>();
        institutions.MapGet("/{code}/census", async (string code, DateOnly? on, Census census, HttpContext http, CancellationToken ct) =>
                (await census.OnAsync(code, on, ct)).ToHttp(http))
            .WithSummary("What the institution held at the end of a day (default today): individuals by sex and group counts, per taxon.")
            .Produces<CensusView>().ProducesProblem(StatusCodes.Status404NotFound);
    }
}
