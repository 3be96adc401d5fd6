using Tss.Pipeline.Lots;
using Tss.Pipeline.Messages;
using Tss.Runtime.Queues;

namespace Tss.Pipeline.Hosting;

/// <summary>Starts (or resumes after a crash) a lot.</summary>
public sealed class LotStartHandler(LotProcessor processor) : IQueueHandler<LotMessage>
{
    public Task HandleAsync(LotMessage message, QueueMessageContext context, CancellationToken ct) => processor.HandleAsync(message, ct);
}
