using Tss.Contracts.Delivery;

namespace Tss.Pipeline.Distribution;

/// <summary>
/// What a delivery retry needs to rebuild its payload: ids only, never XML or bodies (it is the input of the delivery
/// orchestration, stored in its history).
/// </summary>
/// <param name="Type">What the delivery carries (its <see cref="IDeliverySource"/> reads the items again).</param>
/// <param name="Partition">Documents partition (tenant|CNPJ|AAMM) for NF-e deliveries; "tenant|CNPJ" for MD-e.</param>
/// <param name="DeliveryId">The <c>X-Tss-Delivery</c> of every attempt.</param>
/// <param name="Channel">The channel this retry owns (one retry per delivery and channel).</param>
/// <param name="Keys">chNFe, event row keys or NSUs, depending on <paramref name="Type"/>.</param>
public sealed record DeliveryRequest(DeliveryType Type, string Partition, string DeliveryId, DeliveryChannel Channel, IReadOnlyList<string> Keys);
