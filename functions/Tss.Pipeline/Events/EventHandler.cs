using Tss.Runtime.Queues;

namespace Tss.Pipeline.Events;

/// <summary>Queue entry point of the events stage (queue <see cref="EventsOptions.Queue"/>).</summary>
public sealed class EventHandler(EventProcessor processor) : IQueueHandler<EventMessage>
{
    public Task HandleAsync(EventMessage message, QueueMessageContext context, CancellationToken ct) => processor.HandleAsync(message, ct);
}
