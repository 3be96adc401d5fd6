using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Tss.Host.Hosting;

/// <summary>
/// Health endpoints for the container platform: <c>/health/live</c> (the process answers; no dependency is called, so
/// a storage outage never restarts replicas) and <c>/health/ready</c> (storage — one cheap call per service — and the
/// certificate store answer within a timeout). JSON bodies; 503 when not ready. <c>/health</c> stays the plain
/// liveness answer it always was.
/// </summary>
public static class HealthServiceCollectionExtensions
{
    internal const string ReadyTag = "ready";

    /// <summary>How long one readiness check may take before it counts as unhealthy.</summary>
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public static IServiceCollection AddTssHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<HealthStorageCheck>("storage", HealthStatus.Unhealthy, [ReadyTag], CheckTimeout)
            .AddCheck<HealthCertificateStoreCheck>("certificates", HealthStatus.Unhealthy, [ReadyTag], CheckTimeout);
        return services;
    }

    public static WebApplication MapTssHealth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponseWriter.WriteAsync })
            .ExcludeFromDescription();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = HealthResponseWriter.WriteAsync })
            .ExcludeFromDescription();
        return app;
    }
}
