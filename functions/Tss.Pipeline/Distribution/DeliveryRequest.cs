namespace Tss.Pipeline.Distribution;

/// <summary>
/// What a delivery retry needs to rebuild its payload: ids only, never XML or bodies (it is the input of the delivery
/// orchestration, stored in its history).
/// </summary>
/// <param name="Kind">Which deliverer rebuilds and sends it (<see cref="DeliveryKinds"/>).</param>
/// <param name="Partition">Documents partition (tenant|CNPJ|AAMM) for NF-e deliveries; "tenant|CNPJ" for MD-e.</param>
/// <param name="DeliveryId">The <c>X-Tss-Delivery</c> of every attempt.</param>
/// <param name="Channel">The channel this retry owns (one retry per delivery and channel).</param>
/// <param name="Keys">chNFe, event row keys or NSUs, depending on <paramref name="Kind"/>.</param>
public sealed record DeliveryRequest(string Kind, string Partition, string DeliveryId, DeliveryChannel Channel, IReadOnlyList<string> Keys);

/// <summary>The kinds of delivery that share the retry orchestration.</summary>
public static class DeliveryKinds
{
    /// <summary>Final outcomes of a lot's documents (webhook "nfe.outcome", one e-mail per document).</summary>
    public const string NfeOutcome = "nfe.outcome";

    /// <summary>Answered events: cancelamento, CC-e (webhook "nfe.event", one e-mail per event).</summary>
    public const string NfeEvent = "nfe.event";

    /// <summary>An MD-e document received for a company (webhook "mde.document", one per NSU).</summary>
    public const string MdeDocument = "mde.document";
}
