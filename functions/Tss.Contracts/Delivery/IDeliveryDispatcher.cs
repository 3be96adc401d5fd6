namespace Tss.Contracts.Delivery;

/// <summary>
/// Port: the one delivery pipeline (implemented by Tss.Pipeline's distributor). Makes the first attempt of every
/// target of a delivery — at most once per target, whatever the number of calls: a target already in the delivery
/// log is never attempted again by a call — and hands a target that failed retryably to the delivery orchestration.
/// </summary>
public interface IDeliveryDispatcher
{
    /// <summary>Delivers <paramref name="keys"/> of <paramref name="partition"/> as <paramref name="type"/>.</summary>
    /// <returns>False when the type's source has nothing ready for these keys (nothing was attempted).</returns>
    Task<bool> DispatchAsync(DeliveryType type, string partition, IReadOnlyList<string> keys, CancellationToken ct);
}
