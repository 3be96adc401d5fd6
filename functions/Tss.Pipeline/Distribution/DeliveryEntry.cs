namespace Tss.Pipeline.Distribution;

/// <summary>A delivery of the log: one target (the webhook, or one e-mail) of one distribute message.</summary>
/// <param name="DeliveryId">Sent as <c>X-Tss-Delivery</c>; the same on every attempt and on a redelivered message.</param>
/// <param name="Target">The webhook URL without query string, or the e-mail address.</param>
/// <param name="Keys">The chNFe delivered.</param>
public sealed record DeliveryEntry(
    string Partition,
    string DeliveryId,
    DeliveryChannel Channel,
    string Target,
    IReadOnlyList<string> Keys,
    DeliveryState State,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? NextAttemptAt,
    IReadOnlyList<DeliveryAttempt> Attempts);
