using Microsoft.Extensions.Options;
using Tss.Runtime.Queues;
using Tss.Runtime.Timers;

namespace Tss.Pipeline.Events;

/// <summary>Puts <see cref="EventMessage"/> on the events queue, now or as a durable timer.</summary>
public sealed class EventsQueue(IQueueSender sender, IDurableTimers timers, IOptions<EventsOptions> options)
{
    public Task SendAsync(string partition, CancellationToken ct) =>
        sender.SendAsync(options.Value.Queue, new EventMessage(partition), null, ct);

    /// <summary>Looks at the partition's events again at <paramref name="dueAt"/> (pipeline clock).</summary>
    public Task ScheduleAsync(string partition, DateTimeOffset dueAt, CancellationToken ct) =>
        timers.ScheduleAsync(options.Value.Queue, new EventMessage(partition), dueAt, ct);
}
