using System.Globalization;
using System.Text.Json;
using Tss.Pipeline.Events;

namespace Tss.Pipeline.Distribution.Internal;

/// <summary>
/// The webhook body for answered events (UTF-8 JSON, camelCase, official field names):
/// <code>
/// { "deliveryId", "type": "nfe.event", "tenantId", "cnpj",
///   "events": [ { "chNFe", "tpEvento", "nSeqEvento", "status", "cStat", "xMotivo", "nProt", "dhRegEvento",
///                 "updatedAt", "procEventoNFeUrl" } ] }
/// </code>
/// status is Registered or Rejected; procEventoNFeUrl is present for registered events.
/// </summary>
internal static class EventWebhookPayload
{
    public const string EventType = "nfe.event";

    public static byte[] Build(string deliveryId, IReadOnlyList<EventRecord> events, DistributionOptions options)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("deliveryId", deliveryId);
            json.WriteString("type", EventType);
            json.WriteString("tenantId", events[0].TenantId);
            json.WriteString("cnpj", events[0].Cnpj);
            json.WriteStartArray("events");
            foreach (var e in events)
            {
                json.WriteStartObject();
                json.WriteString("chNFe", e.chNFe);
                json.WriteString("tpEvento", e.tpEvento);
                json.WriteNumber("nSeqEvento", e.nSeqEvento);
                json.WriteString("status", e.Status);
                if (e.cStat is { } cStat)
                {
                    json.WriteNumber("cStat", cStat);
                }
                else
                {
                    json.WriteNull("cStat");
                }
                json.WriteString("xMotivo", e.xMotivo);
                json.WriteString("nProt", e.nProt);
                if (e.dhRegEvento is { } dh)
                {
                    json.WriteString("dhRegEvento", dh);
                }
                else
                {
                    json.WriteNull("dhRegEvento");
                }
                json.WriteString("updatedAt", e.UpdatedAt);
                json.WriteString("procEventoNFeUrl", string.IsNullOrEmpty(e.ProcBlob) ? null : ProcEventoUrl(e, options));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>Where the ERP downloads the procEventoNFe (the host's route), absolute when the public URL is configured.</summary>
    public static string ProcEventoUrl(EventRecord e, DistributionOptions options)
    {
        var path = string.Create(CultureInfo.InvariantCulture, $"/api/v1/entities/{e.Cnpj}/nfe/{e.chNFe}/events/{e.tpEvento}/{e.nSeqEvento}/procevento");
        return options.PublicBaseUrl is null ? path : options.PublicBaseUrl.AbsoluteUri.TrimEnd('/') + path;
    }
}
