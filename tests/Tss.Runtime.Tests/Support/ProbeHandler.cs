using Tss.Runtime.Queues;

namespace Tss.Runtime.Tests.Support;

/// <summary>The handler class registered through AddQueueHandler; delegates to the test's probe.</summary>
public sealed class ProbeHandler(HandlerProbe probe) : IQueueHandler<TestMessage>
{
    public Task HandleAsync(TestMessage message, QueueMessageContext context, CancellationToken ct) => probe.Handle(message, context, ct);
}
