using System.Text.Json.Serialization;

namespace Tss.Contracts.Delivery;

/// <summary>
/// What a delivery carries. Every type goes through the one delivery pipeline (Tss.Pipeline's distributor): the same
/// webhook envelope, signature, delivery log, first-attempt rule and retry schedule; only the items differ.
/// Serialized by name in queue messages and orchestration inputs.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeliveryType>))]
public enum DeliveryType
{
    /// <summary>Final outcomes of NF-e/NFC-e (webhook type "nfe.outcome", one e-mail per authorized or denied document).</summary>
    NfeOutcome,

    /// <summary>Answered events: cancelamento, CC-e (webhook type "nfe.event", one e-mail per registered event).</summary>
    NfeEvent,

    /// <summary>A document SEFAZ distributed to a company through MD-e (webhook type "mde.document", one per NSU).</summary>
    MdeDocument,

    /// <summary>An NFC-e issued off-line still not authorized at dhEmi + the alert time (webhook type
    /// "nfce.offline_near_limit", once per document, no e-mail).</summary>
    NfceOfflineNearLimit,
}
