namespace Tss.Pipeline.Events.Internal;

/// <summary>The <see cref="IEventBatchStarter"/> of a host without the event batch orchestration: refuses, so the
/// events message fails and is redelivered (the claimed batch is started again by the recovery) instead of being lost.</summary>
internal sealed class MissingEventBatchStarter : IEventBatchStarter
{
    public Task StartAsync(string partition, string batchId, CancellationToken ct) =>
        throw new InvalidOperationException(
            "Event batches need their orchestration: call services.AddTssEventOrchestration() (Tss.Orchestrations) and a Durable worker.");
}
