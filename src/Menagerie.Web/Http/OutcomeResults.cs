using System.Globalization;
using Menagerie.App;
using Menagerie.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Menagerie.Web.Http;

/// <summary>The one place where a use case's outcome becomes HTTP: status code, problem details, ETag.</summary>
public static partial class OutcomeResults
{
    public static IResult ToHttp<T>(this Outcome<T> outcome, HttpContext http, Func<T, long>? version = null, Func<T, string>? location = null) =>
        outcome switch
        {
            Outcome<T>.Ok ok => WithETag(http, ok.Value, version, TypedResults.Ok(ok.Value)),
            Outcome<T>.Created created => WithETag(http, created.Value, version,
                TypedResults.Created(location?.Invoke(created.Value), created.Value)),
            Outcome<T>.NotFound notFound => TypedResults.Problem(notFound.Message, statusCode: StatusCodes.Status404NotFound, title: "Not found"),
            Outcome<T>.Invalid invalid => Invalid(invalid.Violations),
            Outcome<T>.Forbidden forbidden => TypedResults.Problem(forbidden.Message, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden"),
            Outcome<T>.Stale stale => TypedResults.Problem(
                $"The record has changed since you read it: it is at version {stale.CurrentVersion}. Read it again, then retry with its new ETag.",
                statusCode: StatusCodes.Status412PreconditionFailed, title: "Precondition failed",
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["currentVersion"] = stale.CurrentVersion }),
            Outcome<T>.Conflict conflict => Conflict(http, conflict.Message),
            Outcome<T>.KeyReused reused => TypedResults.Problem(reused.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency-Key reused"),
            _ => throw new InvalidOperationException($"Unhandled outcome {outcome.GetType().Name}."),
        };

    /// <summary>
    /// A 409 is an expected answer — two writers raced, or the record is not in a state for this — so it is logged as
    /// information in one line; the database's own report of the refused save is kept at Debug (DatabaseOptions).
    /// </summary>
    private static ProblemHttpResult Conflict(HttpContext http, string message)
    {
        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OutcomeResults));
        if (logger.IsEnabled(LogLevel.Information))
            LogConflict(logger, http.Request.Method, http.Request.Path.Value ?? "", message);
        return TypedResults.Problem(message, statusCode: StatusCodes.Status409Conflict, title: "Conflict");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "409 Conflict for {Method} {Path}: {Message}")]
    private static partial void LogConflict(ILogger logger, string method, string path, string message);

    /// <summary>400 with every problem at once: <c>errors</c> by field, as ASP.NET Core writes them, and the rule codes in <c>violations</c>.</summary>
    public static IResult Invalid(IReadOnlyList<RuleViolation> violations)
    {
        var errors = violations.GroupBy(v => v.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(v => v.Message).ToArray(), StringComparer.Ordinal);
        return TypedResults.ValidationProblem(errors, title: "The request has problems; nothing was changed.",
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["violations"] = violations });
    }

    /// <summary>
    /// Reads If-Match: null when absent or "*", the version when it names one. An unreadable header is
    /// a client error rather than a blind write.
    /// </summary>
    private static bool TryReadIfMatch(HttpContext http, out long? version)
    {
        version = null;
        var header = http.Request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*")
            return true;
        var tag = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        if (tag.Length > 2 && tag[0] == '"' && tag[^1] == '"'
            && long.TryParse(tag.AsSpan(1, tag.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            version = parsed;
            return true;
        }
        return false;
    }

    /// <summary>A write conditional on If-Match: the version it names (or none), or 400 when the header cannot be read.</summary>
    public static async Task<IResult> IfMatchAsync(HttpContext http, Func<long?, Task<IResult>> write) =>
        TryReadIfMatch(http, out var version) ? await write(version) : BadIfMatch();

    /// <summary>Documents the answers of a conditional write: the resource, 400, 404, 409 and 412.</summary>
    public static RouteHandlerBuilder ProducesConditionalWrite<T>(this RouteHandlerBuilder endpoint, int statusCode = StatusCodes.Status200OK) =>
        endpoint.Produces<T>(statusCode).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);

    private static IResult BadIfMatch() => Invalid([new("if-match", "If-Match", "If-Match must be an ETag this API gave out, e.g. \"3\".")]);

    public static string ETag(long version) => string.Create(CultureInfo.InvariantCulture, $"\"{version}\"");

    private static IResult WithETag<T>(HttpContext http, T value, Func<T, long>? version, IResult result)
    {
        if (version is not null)
            http.Response.Headers.ETag = ETag(version(value));
        return result;
    }
}
