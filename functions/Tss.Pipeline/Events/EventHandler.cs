using Tss.Runtime.Queues;

namespace Tss.Pipeline.Events;

/// <summary>Queue entry point of the events stage (queue <see cref="EventsOptions.Queue"/>): cuts batches only.</summary>
public sealed class EventHandler(EventBatchCutter cutter) : IQueueHandler<EventMessage>
{
    public Task HandleAsync(EventMessage message, QueueMessageContext context, CancellationToken ct) => cutter.HandleAsync(message, ct);
}
