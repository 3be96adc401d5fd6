using Tss.Pipeline.Distribution.Internal;
using Tss.Pipeline.Messages;
using Tss.Runtime.Queues;

namespace Tss.Pipeline.Distribution;

/// <summary>Queue entry point of the distribution stage (queue <see cref="PipelineOptions.DistributeQueue"/>).</summary>
internal sealed class DistributeHandler(Distributor distributor) : IQueueHandler<DistributeMessage>
{
    public Task HandleAsync(DistributeMessage message, QueueMessageContext context, CancellationToken ct) => distributor.HandleAsync(message, ct);
}
