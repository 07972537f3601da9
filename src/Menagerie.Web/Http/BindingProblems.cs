using System.Text.Json;
using System.Text.RegularExpressions;
using Menagerie.App;
using Menagerie.Domain;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Menagerie.Web.Http;

/// <summary>
/// A request an API endpoint could not bind — a body that is not the JSON it takes, no body where one is needed, a
/// query value of the wrong type — answered as the use cases answer input with problems: 400 with <c>errors</c> by
/// field, here the JSON path of the value (<c>lines[0].line</c>; <c>$</c> for the body as a whole) or the parameter's
/// name, and what was expected there. The endpoints throw these (<see cref="RouteHandlerOptions.ThrowOnBadRequest"/>)
/// so that this one place sees the serializer's exception; other statuses (413, 415) keep theirs, as problem details.
/// </summary>
internal sealed partial class BindingProblems(IOptions<JsonOptions> json) : IExceptionHandler
{
    private const string Body = "$";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || !httpContext.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
            return false;
        var result = bad.StatusCode == StatusCodes.Status400BadRequest
            ? OutcomeResults.Invalid([Violation(bad, httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint)])
            : TypedResults.Problem(bad.Message, statusCode: bad.StatusCode);
        await result.ExecuteAsync(httpContext);
        return true;
    }

    private RuleViolation Violation(BadHttpRequestException bad, Endpoint? endpoint)
    {
        var options = json.Value.SerializerOptions;
        var bodyType = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        if (bad.InnerException is JsonException invalid)
        {
            var (field, message) = JsonInput.Problem(invalid, bodyType, options);
            return new("request.json", field.Length == 0 ? Body : field, message);
        }
        var parameter = Parameter().Match(bad.Message);
        var name = parameter.Success ? parameter.Groups["name"].Value : null;
        if (name is not null && parameter.Groups["value"].Success)
        {
            var value = parameter.Groups["value"].Value;
            var expected = JsonInput.Expected(endpoint?.Metadata.GetOrderedMetadata<IParameterBindingMetadata>()
                .FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal))?.ParameterInfo.ParameterType, options);
            return new("request.parameter", name, expected is null ? $"'{value}' cannot be read here." : $"'{value}' is not {expected}.");
        }
        if (name is not null && !bad.Message.Contains("body", StringComparison.Ordinal))
            return new("request.parameter", name, "This value is required.");
        var what = JsonInput.Expected(bodyType, options);
        return new("request.body", Body, what is null ? "The request needs a body." : $"The request needs a body: {what}.");
    }

    /// <summary>The parameter an endpoint names in its binding failure, <c>"int? top"</c>, and the value it could not read.</summary>
    [GeneratedRegex("""^[^"]*"(?:[^"]* )?(?<name>[^" ]+)"(?: from "(?<value>.*)"\.$)?""", RegexOptions.Singleline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Parameter();
}
