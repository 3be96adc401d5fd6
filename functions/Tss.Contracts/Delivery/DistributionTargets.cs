namespace Tss.Contracts.Delivery;

/// <summary>Delivery settings of an entity: a webhook (URL + HMAC-SHA256 secret) and/or an e-mail address for the XML.</summary>
public sealed record DistributionTargets(Uri? WebhookUrl, string? WebhookSecret, string? Email)
{
    public static DistributionTargets None { get; } = new(null, null, null);
}
