using Microsoft.Extensions.Options;
using Tss.Runtime.Queues;

namespace Tss.Pipeline.Messages;

/// <summary>
/// Sends the pipeline's queue messages (assembly, distribution) through the runtime's sender; a lot's own steps and
/// waits run in its orchestration.
/// </summary>
public sealed class PipelineQueues(IQueueSender sender, IOptions<PipelineOptions> options)
{
    private readonly PipelineOptions _o = options.Value;

    public Task AssembleAsync(string partition, CancellationToken ct) =>
        sender.SendAsync(_o.AssembleQueue, new AssembleMessage(partition), null, ct);

    /// <summary>The safety net of a document sent within its request: checked after <paramref name="delay"/> (real time).</summary>
    public Task RecoverSyncLaterAsync(string partition, string chNFe, TimeSpan delay, CancellationToken ct) =>
        sender.SendAsync(_o.AssembleQueue, new AssembleMessage(partition, chNFe), delay, ct);

    /// <summary>The near-limit alert of an off-line NFC-e: checked after <paramref name="delay"/> (real time).</summary>
    public Task AlertOfflineLaterAsync(string partition, string chNFe, TimeSpan delay, CancellationToken ct) =>
        sender.SendAsync(_o.DistributeQueue, new DistributeMessage(partition, [chNFe], Contracts.Delivery.DeliveryType.NfceOfflineNearLimit), delay, ct);

    public Task DistributeAsync(string partition, IReadOnlyList<string> keys, CancellationToken ct) =>
        sender.SendAsync(_o.DistributeQueue, new DistributeMessage(partition, keys), null, ct);
}
