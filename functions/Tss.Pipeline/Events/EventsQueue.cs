using Microsoft.Extensions.Options;
using Tss.Runtime.Queues;

namespace Tss.Pipeline.Events;

/// <summary>Puts <see cref="EventMessage"/> on the events queue: the partition has events waiting for a batch.</summary>
public sealed class EventsQueue(IQueueSender sender, IOptions<EventsOptions> options)
{
    public Task SendAsync(string partition, CancellationToken ct) =>
        sender.SendAsync(options.Value.Queue, new EventMessage(partition), null, ct);
}
