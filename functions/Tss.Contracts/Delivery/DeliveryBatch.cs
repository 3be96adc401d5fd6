namespace Tss.Contracts.Delivery;

/// <summary>What one delivery carries, as its <see cref="IDeliverySource"/> read it.</summary>
/// <param name="DeliveryId">Sent as <c>X-Tss-Delivery</c>: deterministic for the items' current versions, so a
/// redelivered message, a retry and a duplicate carry the same id, and a changed item makes a new delivery.</param>
/// <param name="Items">At least one item, in a stable order.</param>
public sealed record DeliveryBatch(string TenantId, string Cnpj, string DeliveryId, IReadOnlyList<DeliveryItem> Items);
