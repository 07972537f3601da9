using Menagerie.App.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Menagerie.Web.Http;

/// <summary><c>/health</c>'s "database" entry: Unhealthy when the records cannot be read or written (<see cref="DatabaseHealth"/>).</summary>
internal sealed class DatabaseHealthCheck(DatabaseHealth health) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var report = await health.CheckAsync(cancellationToken);
        return report.Healthy ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy(report.Problem);
    }
}
