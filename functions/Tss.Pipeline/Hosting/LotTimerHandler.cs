using Tss.Pipeline.Lots;
using Tss.Pipeline.Messages;
using Tss.Runtime.Queues;

namespace Tss.Pipeline.Hosting;

/// <summary>A lot's durable timer fired (poll, consult, retry send).</summary>
public sealed class LotTimerHandler(LotProcessor processor) : IQueueHandler<TimerMessage>
{
    public Task HandleAsync(TimerMessage message, QueueMessageContext context, CancellationToken ct) => processor.HandleAsync(message, ct);
}
