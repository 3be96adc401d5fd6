using System.Text.Json;
using Tss.Contracts.Delivery;

namespace Tss.Pipeline.Distribution.Internal;

/// <summary>
/// The one webhook body of every delivery (UTF-8 JSON, camelCase, official field names as spelled):
/// <code>
/// { "deliveryId": "…", "type": "nfe.outcome" | "nfe.event" | "mde.document", "tenantId": "…", "cnpj": "…",
///   "documents" | "events": [ { …the item's fields… } ] }
/// </code>
/// The array is "events" for "nfe.event" and "documents" otherwise; each item writes its own fields
/// (<see cref="DocumentOutcomeItem"/>, <see cref="EventDeliveryItem"/>, MD-e's document item). Receivers switch on
/// <c>type</c> and de-duplicate by <c>deliveryId</c> (also the <c>X-Tss-Delivery</c> header).
/// </summary>
internal static class WebhookPayload
{
    public static byte[] Build(DeliveryType type, DeliveryBatch batch, Uri? publicBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(batch);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("deliveryId", batch.DeliveryId);
            json.WriteString("type", type.WireName());
            json.WriteString("tenantId", batch.TenantId);
            json.WriteString("cnpj", batch.Cnpj);
            json.WriteStartArray(type.ItemsProperty());
            foreach (var item in batch.Items)
            {
                json.WriteStartObject();
                item.WriteJson(json, publicBaseUrl);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
