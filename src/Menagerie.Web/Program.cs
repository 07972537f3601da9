using Menagerie.App;
using Menagerie.App.Persistence;
using Menagerie.Web;
using Menagerie.Web.Accounts;
using Menagerie.Web.Compliance;
using Menagerie.Web.Http;
using Menagerie.Web.Institutions;
using Menagerie.Web.Ledger;
using Menagerie.Web.Localization;
using Menagerie.Web.Shared;
using Menagerie.Web.Specimens;
using Menagerie.Web.Studbooks;
using Menagerie.Web.Taxa;
using Menagerie.Web.Transfers;
using Scalar.AspNetCore;

// Settings and static files are the app's own, beside it, wherever it is started from; the database file, named
// relative to the current directory, stays there.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
// `dotnet run` serves from the build output, where the precompressed stylesheets are named by the build's
// manifest; outside Development the host would otherwise look for them in wwwroot and send an empty body.
builder.WebHost.UseStaticWebAssets();

builder.Services.AddMenagerieApp(DatabaseOptions.FromConfiguration(builder.Configuration));
builder.Services.AddProblemDetails();
builder.Services.ConfigureHttpJsonOptions(o => Json.Configure(o.SerializerOptions));
// A body or value an endpoint cannot bind is thrown to BindingProblems, which names the field, rather than answered with a bare 400.
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddExceptionHandler<BindingProblems>();
builder.Services.AddExceptionHandler<DatabaseUnavailable>();
builder.Services.AddOpenApi();
builder.Services.AddMenagerieLanguages();
builder.Services.AddMenagerieSite();
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
builder.Services.AddMenagerieSecurity(builder.Configuration);
builder.Services.AddLedgerCheckpoints(builder.Configuration);

var app = builder.Build();

await Startup.PrepareDatabaseAsync(app.Services, app.Configuration, app.Logger, app.Lifetime.ApplicationStopping);

app.Use(Security.AddHeaders);
app.UseMenagerieLanguages();
app.UseMenagerieErrorPages();
if (app.Configuration["Menagerie:Https"] is "true")
{
    app.UseHsts();
    app.UseHttpsRedirection();
}
app.UseRouting();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.UseAntiforgery();
app.Use(Security.IdentifyActor);

app.MapOpenApi();
app.MapScalarApiReference();
app.MapHealthChecks("/health", new() { ResponseWriter = Startup.WriteHealthAsync });
app.MapStaticAssets();
app.MapRazorPages();

var api = app.MapGroup("/api/v1").RequireAuthorization().AddEndpointFilterFactory(PlainTextBodies.Filter);
api.MapInstitutionEndpoints();
api.MapTaxonEndpoints();
api.MapReferenceEndpoints();
api.MapSpecimenEndpoints();
api.MapTransferEndpoints();
api.MapTransportEndpoints();
api.MapComplianceEndpoints();
api.MapStudbookEndpoints();
api.MapAccountEndpoints();
api.MapUserEndpoints();
api.MapLedgerEndpoints();

await app.RunAsync();

/// <summary>Lets the test host find the application.</summary>
public partial class Program;
