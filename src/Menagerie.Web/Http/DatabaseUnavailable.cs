using Menagerie.App.Persistence;
using Microsoft.AspNetCore.Diagnostics;

namespace Menagerie.Web.Http;

/// <summary>
/// A database that restarts, stays busy or cannot write, after the execution strategy's retries: 503 with
/// <c>Retry-After</c>, as problem details, for API clients to retry; nothing was saved. Pages show the same on the
/// error page (<see cref="Shared.ErrorModel"/>).
/// </summary>
internal sealed class DatabaseUnavailable : IExceptionHandler
{
    public const string Title = "The records are unavailable for a moment";

    public const string Detail = "The database did not answer or could not save, and nothing was changed. Retry after the time in Retry-After.";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!DatabaseFailures.IsUnavailable(exception) || !httpContext.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
            return false;
        httpContext.Response.Headers.RetryAfter = DatabaseFailures.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await TypedResults.Problem(Detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: Title).ExecuteAsync(httpContext);
        return true;
    }
}
