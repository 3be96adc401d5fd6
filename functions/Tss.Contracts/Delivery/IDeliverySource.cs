namespace Tss.Contracts.Delivery;

/// <summary>
/// Port: reads what a delivery of one <see cref="DeliveryType"/> carries, from ids only (a queue message or a retry's
/// orchestration input). The pipeline implements it for NF-e outcomes and events, MD-e for its documents; the
/// distributor does everything else (targets, log, webhook, e-mail, retries).
/// </summary>
public interface IDeliverySource
{
    DeliveryType Type { get; }

    /// <summary>The items of <paramref name="keys"/> in <paramref name="partition"/> that are ready to deliver, or null
    /// when none is (unknown keys, not final yet, malformed input).</summary>
    Task<DeliveryBatch?> ReadAsync(string partition, IReadOnlyList<string> keys, CancellationToken ct);
}
