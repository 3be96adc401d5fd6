using System.Text.Json;

namespace Tss.Pipeline.Tests.Distribution;

/// <summary>One call the webhook receiver got.</summary>
internal sealed record ReceivedWebhook(byte[] Body, bool SignatureValid, string DeliveryId, int Attempt, string ContentType, string Query)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}
