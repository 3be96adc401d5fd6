using Microsoft.Extensions.Diagnostics.HealthChecks;
using Tss.Tenancy.Certificates;

namespace Tss.Host.Hosting;

/// <summary>Certificate store readiness: the store's own cheap probe (blob container, or one Key Vault read).</summary>
internal sealed class HealthCertificateStoreCheck(ICertificateStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        if (store is not ICertificateStoreProbe probe)
        {
            return HealthCheckResult.Healthy($"{store.GetType().Name} has no probe.");
        }
        try
        {
            await probe.ProbeAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("The certificate store answers.");
        }
        catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException or OperationCanceledException or InvalidOperationException or Azure.Identity.AuthenticationFailedException)
        {
            return HealthCheckResult.Unhealthy($"The certificate store did not answer ({e.GetType().Name}).");
        }
    }
}
