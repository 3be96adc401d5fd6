namespace Tss.Pipeline.Distribution.Internal;

/// <summary>The <see cref="IDeliveryRetries"/> of a host without the delivery orchestration: refuses, so the caller's
/// message fails and is redelivered instead of a retry being lost silently.</summary>
internal sealed class MissingDeliveryRetries : IDeliveryRetries
{
    public Task StartAsync(string instanceId, DeliveryRetry retry, CancellationToken ct) =>
        throw new InvalidOperationException(
            "Delivery retries need the delivery orchestration: call services.AddTssDeliveryOrchestration() (Tss.Orchestrations) and a Durable worker.");
}
