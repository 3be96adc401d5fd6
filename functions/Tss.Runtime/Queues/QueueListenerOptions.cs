namespace Tss.Runtime.Queues;

/// <summary>
/// Settings of one queue listener (named options, name = queue name). Bound from <c>Queues:&lt;queue-name&gt;</c>
/// after the code defaults, so operators can tune concurrency without a release.
/// </summary>
public sealed class QueueListenerOptions
{
    /// <summary>The queue (its poison queue is <c>&lt;name&gt;-poison</c>); set by <c>AddQueueHandler</c>.</summary>
    public string QueueName { get; set; } = "";

    /// <summary>Messages asked for per receive (1–32).</summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>Handlers running at once in this instance.</summary>
    public int MaxConcurrency { get; set; } = 16;

    /// <summary>
    /// How long a received message stays invisible to other consumers (whole seconds). The lease is extended every
    /// half of it while the handler runs, so it bounds how fast a crashed instance's messages come back, not how
    /// long a handler may run.
    /// </summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Deliveries after which a failing message moves to the poison queue.</summary>
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>
    /// After a failed attempt, when the message becomes visible again; null keeps the current lease, so the retry
    /// comes after <see cref="VisibilityTimeout"/>.
    /// </summary>
    public TimeSpan? FailureVisibilityDelay { get; set; }

    /// <summary>Wait after the first empty receive; doubles on each further empty receive.</summary>
    public TimeSpan IdleBackoffMin { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest wait between receives on an idle queue (each receive is a billed transaction).</summary>
    public TimeSpan IdleBackoffMax { get; set; } = TimeSpan.FromSeconds(5);
}
