namespace Tss.Pipeline.Events;

/// <summary>The next action of an event batch and the real-time wait before it (a durable timer).</summary>
public sealed record EventBatchStep(EventBatchAction Next, TimeSpan Delay)
{
    public static readonly EventBatchStep Closed = new(EventBatchAction.Close, TimeSpan.Zero);
}
