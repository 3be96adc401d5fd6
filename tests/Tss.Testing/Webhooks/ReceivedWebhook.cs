using System.Text.Json;

namespace Tss.Testing.Webhooks;

/// <summary>One call the webhook receiver got.</summary>
public sealed record ReceivedWebhook(byte[] Body, bool SignatureValid, string DeliveryId, int Attempt, string ContentType, string Query)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}
