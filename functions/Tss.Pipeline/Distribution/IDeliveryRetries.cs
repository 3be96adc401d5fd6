namespace Tss.Pipeline.Distribution;

/// <summary>
/// Port: runs the retries of a delivery (implemented by Tss.Orchestrations with a durable orchestration per
/// delivery and channel). Starting the same instance id again while it runs is a no-op.
/// </summary>
public interface IDeliveryRetries
{
    Task StartAsync(string instanceId, DeliveryRetry retry, CancellationToken ct);
}
