using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Tss.Orchestrations.Lots;

/// <summary>
/// The operator's action on a stuck lot: raises <see cref="LotOrchestrator.RetryEvent"/> on its orchestration, which
/// clears the marks and goes on from its lot row. Only a lot whose custom status says stuck is told: an event raised
/// on a lot that is not waiting for it would be kept and consumed by a later stop, skipping the operator.
/// </summary>
public sealed class LotRetries(DurableTaskClient client, ILogger<LotRetries> logger)
{
    public async Task<LotRetryResult> RetryAsync(string partition, string lotId, string who, CancellationToken ct)
    {
        var id = DurableLotStarter.InstanceIdFor(partition, lotId);
        var instance = await client.GetInstanceAsync(id, getInputsAndOutputs: true, ct).ConfigureAwait(false);
        if (instance is null)
        {
            return LotRetryResult.NotFound;
        }
        if (instance.RuntimeStatus != OrchestrationRuntimeStatus.Running || !IsStuck(instance))
        {
            return LotRetryResult.NotStuck;
        }
        Log.LotRetryRequested(logger, lotId, partition, who);
        await client.RaiseEventAsync(id, LotOrchestrator.RetryEvent, who, ct).ConfigureAwait(false);
        return LotRetryResult.Retried;
    }

    /// <summary>The lot's attention as its orchestration shows it (null while all is well or for no such lot).</summary>
    public async Task<LotAttention?> AttentionAsync(string partition, string lotId, CancellationToken ct)
    {
        var instance = await client.GetInstanceAsync(DurableLotStarter.InstanceIdFor(partition, lotId), getInputsAndOutputs: true, ct).ConfigureAwait(false);
        return instance?.SerializedCustomStatus is { Length: > 0 } and not "null" ? instance.ReadCustomStatusAs<LotAttention>() : null;
    }

    private static bool IsStuck(OrchestrationMetadata instance) =>
        instance.SerializedCustomStatus is { Length: > 0 } and not "null" && instance.ReadCustomStatusAs<LotAttention>() is { Stuck: true };
}
