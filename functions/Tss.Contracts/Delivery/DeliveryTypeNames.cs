namespace Tss.Contracts.Delivery;

/// <summary>How each <see cref="DeliveryType"/> is named on the webhook wire (ERPs switch on these; never change one).</summary>
public static class DeliveryTypeNames
{
    /// <summary>The envelope's <c>type</c>: "nfe.outcome", "nfe.event", "mde.document" or "nfce.offline_near_limit".</summary>
    public static string WireName(this DeliveryType type) => type switch
    {
        DeliveryType.NfeOutcome => "nfe.outcome",
        DeliveryType.NfeEvent => "nfe.event",
        DeliveryType.MdeDocument => "mde.document",
        DeliveryType.NfceOfflineNearLimit => "nfce.offline_near_limit",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown delivery type."),
    };

    /// <summary>The envelope's array of items: "events" for events, "documents" otherwise.</summary>
    public static string ItemsProperty(this DeliveryType type) => type == DeliveryType.NfeEvent ? "events" : "documents";
}
