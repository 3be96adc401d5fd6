using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Tss.Pipeline.Distribution;

namespace Tss.Orchestrations.Delivery;

/// <summary>
/// Starts <see cref="DeliveryOrchestrator"/> under the delivery's instance id. A start while that instance is pending,
/// running or suspended is refused by the backend (dedupe statuses) and ignored here; a finished instance (its rows
/// say how it ended) may be started again, which only happens when a redelivered message finds a row still
/// retrying, e.g. after the orchestration failed.
/// </summary>
internal sealed class DurableDeliveryRetries(DurableTaskClient client, ILogger<DurableDeliveryRetries> logger) : IDeliveryRetries
{
    private static readonly OrchestrationRuntimeStatus[] Running =
        [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended];

    public async Task StartAsync(string instanceId, DeliveryRetry retry, CancellationToken ct)
    {
        var options = new StartOrchestrationOptions(instanceId).WithDedupeStatuses(Running);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(DeliveryOrchestrator), retry, options, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (AlreadyExists(e))
        {
            Log.AlreadyRunning(logger, instanceId);
        }
    }

    /// <summary>
    /// How "already exists" reaches a client: the gRPC client (sidecar, in-memory test host) throws DurableTask.Core's
    /// OrchestrationAlreadyExistsException ("An orchestration with id '…' already exists. It's in the Pending state.",
    /// also while it waits on its timer); a raw RpcException with status AlreadyExists is accepted too. Matched by name,
    /// so this project needs neither DurableTask.Core nor Grpc.Core.
    /// </summary>
    internal static bool AlreadyExists(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            var type = x.GetType().FullName;
            if (type == "DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException")
            {
                return true;
            }
            if (type == "Grpc.Core.RpcException" && x.GetType().GetProperty("StatusCode")?.GetValue(x)?.ToString() == "AlreadyExists")
            {
                return true;
            }
        }
        return false;
    }
}
