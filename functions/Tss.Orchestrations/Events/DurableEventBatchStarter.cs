using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Tss.Orchestrations.Delivery;
using Tss.Pipeline.Events;

namespace Tss.Orchestrations.Events;

/// <summary>
/// Starts a batch's orchestration under an instance id derived from the partition and the batch, so the id is the
/// singleton: a start while that instance is pending, running or suspended is refused by the backend (dedupe
/// statuses, as Tss.Durable's <c>DurableSingleton</c> does) and ignored here. A finished instance may be started again,
/// which only happens when its events are still open (e.g. it failed); the steps then carry on from the rows.
/// </summary>
public sealed partial class DurableEventBatchStarter(DurableTaskClient client, ILogger<DurableEventBatchStarter> logger) : IEventBatchStarter
{
    private static readonly OrchestrationRuntimeStatus[] Active =
        [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended];

    public async Task StartAsync(string partition, string batchId, CancellationToken ct)
    {
        var options = new StartOrchestrationOptions(InstanceIdFor(partition, batchId)).WithDedupeStatuses(Active);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(EventBatchOrchestrator), new EventBatchInput(partition, batchId), options, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (DurableDeliveryRetries.AlreadyExists(e))
        {
            Log.EventBatchAlreadyRunning(logger, batchId, partition);
        }
    }

    /// <summary>"evb:{partition}:{batch id}", each part percent-escaped (as the lots' ids), so the id is injective and free
    /// of the characters the Azure Storage backend cannot hold ('/', '\', '#', '?', control characters).</summary>
    public static string InstanceIdFor(string partition, string batchId)
    {
        ArgumentException.ThrowIfNullOrEmpty(partition);
        ArgumentException.ThrowIfNullOrEmpty(batchId);
        return $"evb:{Uri.EscapeDataString(partition)}:{Uri.EscapeDataString(batchId)}";
    }
}
