using Microsoft.Extensions.Options;
using Tss.Runtime.Queues;
using Tss.Runtime.Queues.Internal;

namespace Tss.Runtime.Timers.Internal;

/// <summary>Schedules timers as envelopes carrying <c>dueAt</c>, sent with the matching visibility delay.</summary>
internal sealed class DurableTimers(QueueSender sender, IOptions<QueueSerializationOptions> serialization, TimeProvider clock) : IDurableTimers
{
    public Task ScheduleAsync<TMessage>(string queueName, TMessage message, DateTimeOffset dueAt, CancellationToken ct = default)
    {
        var text = QueueEnvelope.Write(message, dueAt, serialization.Value.SerializerOptions);
        return sender.SendTextAsync(queueName, text, DurableTimerDelay.ToVisibility(dueAt, clock), ct);
    }
}
