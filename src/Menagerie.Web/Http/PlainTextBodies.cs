using Menagerie.App;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Menagerie.Web.Http;

/// <summary>
/// Refuses a request whose JSON body has a string holding a character no text in the records takes
/// (<see cref="PlainText"/>): 400 naming each such field, before the endpoint runs. The body is the endpoint's
/// parameter of one of Menagerie's own types that is not a service; an endpoint without one gets no filter at all.
/// </summary>
internal static class PlainTextBodies
{
    public static EndpointFilterDelegate Filter(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var services = context.ApplicationServices.GetRequiredService<IServiceProviderIsService>();
        var bodies = context.MethodInfo.GetParameters()
            .Select((p, i) => (p.ParameterType, Index: i))
            .Where(p => p.ParameterType is { IsClass: true, Namespace: { } ns } && ns.StartsWith("Menagerie.", StringComparison.Ordinal) && !services.IsService(p.ParameterType))
            .Select(p => p.Index)
            .ToList();
        if (bodies.Count == 0)
            return next;
        var options = context.ApplicationServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        return async invocation =>
        {
            var refused = bodies.SelectMany(i => JsonInput.RefusedText(invocation.Arguments[i], options)).ToList();
            return refused.Count > 0 ? OutcomeResults.Invalid(refused) : await next(invocation);
        };
    }
}
