using Tss.Pipeline.Lots;
using Tss.Pipeline.Messages;
using Tss.Pipeline.Sync;
using Tss.Runtime.Queues;

namespace Tss.Pipeline.Hosting;

/// <summary>Queue-triggered entry points of the pipeline's stages (thin adapters over the stage services).</summary>
public sealed class AssembleHandler(LotAssembler assembler, SyncEmission sync) : IQueueHandler<AssembleMessage>
{
    public Task HandleAsync(AssembleMessage message, QueueMessageContext context, CancellationToken ct) =>
        message.SyncKey is { } chNFe ? sync.RecoverAsync(message.Partition, chNFe, ct) : assembler.HandleAsync(message, ct, redelivered: context.DequeueCount > 1);
}
