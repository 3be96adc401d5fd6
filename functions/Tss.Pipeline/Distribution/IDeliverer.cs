namespace Tss.Pipeline.Distribution;

/// <summary>Makes one retry attempt of a delivery (the distributor, for every <see cref="Contracts.Delivery.DeliveryType"/>),
/// records it in the delivery log and lets <see cref="RetryPlan"/> decide what follows.</summary>
public interface IDeliverer
{
    /// <param name="attempt">The number of this attempt as the orchestration counts them (the distributor uses the
    /// log's count, which is the same unless an activity ran twice).</param>
    Task<DeliveryStep> AttemptAsync(DeliveryRequest request, int attempt, CancellationToken ct);
}
