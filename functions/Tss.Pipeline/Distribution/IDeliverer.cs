namespace Tss.Pipeline.Distribution;

/// <summary>Makes one retry attempt of a kind of delivery (the distributor for NF-e outcomes and events, MD-e for its
/// notifications), records it where that kind records attempts and lets <c>RetryPlan</c> decide what follows.</summary>
public interface IDeliverer
{
    /// <summary>The <see cref="DeliveryRequest.Kind"/> values handled here.</summary>
    IReadOnlyCollection<string> Kinds { get; }

    /// <param name="attempt">The number of this attempt as the orchestration counts them (deliverers with their own
    /// log may use the log's count instead).</param>
    Task<DeliveryStep> AttemptAsync(DeliveryRequest request, int attempt, CancellationToken ct);
}
