namespace Tss.Runtime.Timers;

/// <summary>
/// Durable timers as delayed queue messages: the message is handled by the queue's listener once the injected
/// <see cref="TimeProvider"/> reaches its due time, and survives restarts because it lives in the queue.
/// </summary>
public interface IDurableTimers
{
    /// <summary>
    /// Puts <paramref name="message"/> on <paramref name="queueName"/> to be handled at <paramref name="dueAt"/>.
    /// Due times beyond the 7-day visibility cap, or a message that surfaces early (clock skew), are re-delayed by
    /// the listener until due. A due time in the past makes the message visible at once.
    /// </summary>
    Task ScheduleAsync<TMessage>(string queueName, TMessage message, DateTimeOffset dueAt, CancellationToken ct = default);
}
