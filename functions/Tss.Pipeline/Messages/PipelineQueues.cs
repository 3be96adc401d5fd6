using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using Tss.Protocol.Time;

namespace Tss.Pipeline.Messages;

/// <summary>
/// Sends the pipeline's queue messages. A durable timer is a message whose visibility delay is its due time; queue
/// visibility runs on real time, so on a scaled clock the delay is divided by the scale, and Azure's 7-day cap applies
/// (a message that surfaces early is re-delayed by its handler).
/// </summary>
public sealed class PipelineQueues(QueueServiceClient queues, IOptions<PipelineOptions> options, TimeProvider time)
{
    private static readonly TimeSpan MaxVisibility = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1);
    private readonly PipelineOptions _o = options.Value;

    public QueueClient Queue(string name) => queues.GetQueueClient(name);

    public Task AssembleAsync(string partition, CancellationToken ct) =>
        SendAsync(_o.AssembleQueue, JsonSerializer.Serialize(new AssembleMessage(partition), PipelineJson.Default.AssembleMessage), _o.GatheringWindow, ct);

    public Task StartLotAsync(string partition, string lotId, CancellationToken ct, TimeSpan? delay = null) =>
        SendAsync(_o.SendQueue, JsonSerializer.Serialize(new LotMessage(partition, lotId), PipelineJson.Default.LotMessage), delay ?? TimeSpan.Zero, ct);

    public Task ScheduleAsync(TimerMessage timer, CancellationToken ct, TimeSpan? minimumRealDelay = null)
    {
        var delay = RealDelayUntil(timer.DueAt);
        if (minimumRealDelay is { } min && delay < min)
        {
            delay = min;
        }
        return SendAsync(_o.TimerQueue, JsonSerializer.Serialize(timer, PipelineJson.Default.TimerMessage), delay, ct);
    }

    public Task DistributeAsync(string partition, IReadOnlyList<string> keys, CancellationToken ct) =>
        SendAsync(_o.DistributeQueue, JsonSerializer.Serialize(new DistributeMessage(partition, keys), PipelineJson.Default.DistributeMessage), TimeSpan.Zero, ct);

    /// <summary>The real-time visibility delay until <paramref name="dueAt"/> on the pipeline clock.</summary>
    public TimeSpan RealDelayUntil(DateTimeOffset dueAt)
    {
        var delay = dueAt - time.GetUtcNow();
        if (delay <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }
        if (time is ScaledTimeProvider scaled && scaled.Scale > 1)
        {
            delay = TimeSpan.FromTicks((long)(delay.Ticks / scaled.Scale));
        }
        return delay > MaxVisibility ? MaxVisibility : delay;
    }

    private async Task SendAsync(string queue, string body, TimeSpan delay, CancellationToken ct) =>
        await queues.GetQueueClient(queue).SendMessageAsync(body, visibilityTimeout: delay > TimeSpan.Zero ? delay : null, cancellationToken: ct).ConfigureAwait(false);
}
