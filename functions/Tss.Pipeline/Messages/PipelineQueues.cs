using Microsoft.Extensions.Options;
using Tss.Runtime.Queues;
using Tss.Runtime.Timers;

namespace Tss.Pipeline.Messages;

/// <summary>
/// Sends the pipeline's queue messages through the runtime's sender and durable timers (one message format for
/// every queue; the timer delay follows the pipeline clock, scaled or not, and early surfacing is re-delayed by the
/// listener).
/// </summary>
public sealed class PipelineQueues(IQueueSender sender, IDurableTimers timers, IOptions<PipelineOptions> options)
{
    private readonly PipelineOptions _o = options.Value;

    public Task AssembleAsync(string partition, CancellationToken ct) =>
        sender.SendAsync(_o.AssembleQueue, new AssembleMessage(partition), null, ct);

    public Task StartLotAsync(string partition, string lotId, CancellationToken ct) =>
        sender.SendAsync(_o.SendQueue, new LotMessage(partition, lotId), null, ct);

    /// <summary>Looks at the lot again at <paramref name="dueAt"/> (pipeline clock).</summary>
    public Task StartLotAtAsync(string partition, string lotId, DateTimeOffset dueAt, CancellationToken ct) =>
        timers.ScheduleAsync(_o.SendQueue, new LotMessage(partition, lotId), dueAt, ct);

    public Task ScheduleAsync(TimerMessage timer, CancellationToken ct) =>
        timers.ScheduleAsync(_o.TimerQueue, timer, timer.DueAt, ct);

    /// <summary>Sends a timer again after a short real delay (its lot's state is not written yet).</summary>
    public Task RetryTimerSoonAsync(TimerMessage timer, CancellationToken ct) =>
        sender.SendAsync(_o.TimerQueue, timer, TimeSpan.FromSeconds(1), ct);

    public Task DistributeAsync(string partition, IReadOnlyList<string> keys, CancellationToken ct) =>
        sender.SendAsync(_o.DistributeQueue, new DistributeMessage(partition, keys), null, ct);
}
