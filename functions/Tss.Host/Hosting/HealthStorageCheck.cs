using Azure.Data.Tables;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Tss.Pipeline;
using Tss.Runtime.Storage;

namespace Tss.Host.Hosting;

/// <summary>
/// Storage readiness: one data-plane call per service, each allowed by the host's data roles (no account-level
/// permission needed): a point read of a row that does not exist, and the properties of a queue and a container the
/// host uses. Three billed transactions per probe.
/// </summary>
internal sealed class HealthStorageCheck(StorageClients storage, IOptions<PipelineOptions> pipeline) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        var o = pipeline.Value;
        var failed = new List<string>();
        await Probe("table", () => storage.GetTable(o.DocumentsTable).GetEntityIfExistsAsync<TableEntity>("health", "probe", ["PartitionKey"], cancellationToken)).ConfigureAwait(false);
        await Probe("queue", () => storage.GetQueue(o.AssembleQueue).ExistsAsync(cancellationToken)).ConfigureAwait(false);
        await Probe("blob", () => storage.GetContainer(o.SignedContainer).ExistsAsync(cancellationToken)).ConfigureAwait(false);
        return failed.Count == 0
            ? HealthCheckResult.Healthy("Tables, queues and blobs answer.")
            : HealthCheckResult.Unhealthy($"Storage did not answer: {string.Join(", ", failed)}.");

        async Task Probe(string service, Func<Task> call)
        {
            try
            {
                await call().ConfigureAwait(false);
            }
            catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException or OperationCanceledException or AggregateException)
            {
                failed.Add($"{service} ({e.GetType().Name})");
            }
        }
    }
}
