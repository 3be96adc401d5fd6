using Tss.Runtime.Queues;

namespace Tss.Runtime.Tests.Support;

/// <summary>What a test wants its handler to do, registered per host.</summary>
public sealed class HandlerProbe(Func<TestMessage, QueueMessageContext, CancellationToken, Task> handle)
{
    public Func<TestMessage, QueueMessageContext, CancellationToken, Task> Handle { get; } = handle;
}
