using System.Text.Json;
using Tss.Pipeline.Documents;

namespace Tss.Pipeline.Distribution.Internal;

/// <summary>
/// The webhook body (UTF-8 JSON, camelCase, official field names as spelled):
/// <code>
/// { "deliveryId": "…", "type": "nfe.outcome", "tenantId": "…", "cnpj": "…",
///   "documents": [ { "eventId", "chNFe", "erpId", "status", "cStat", "xMotivo", "nProt", "dhRecbto", "tpAmb",
///                    "mod", "updatedAt", "procNFeUrl" } ] }
/// </code>
/// One body per distribute message (a lot's final documents, at most 50): receivers dedup by deliveryId for the
/// whole body and by eventId per document. procNFeUrl (absent for rejections) is the host's download link.
/// </summary>
internal static class WebhookPayload
{
    public const string EventType = "nfe.outcome";

    public static byte[] Build(string deliveryId, IReadOnlyList<DocumentRecord> documents, DistributionOptions options)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("deliveryId", deliveryId);
            json.WriteString("type", EventType);
            json.WriteString("tenantId", documents[0].TenantId);
            json.WriteString("cnpj", documents[0].Cnpj);
            json.WriteStartArray("documents");
            foreach (var d in documents)
            {
                json.WriteStartObject();
                json.WriteString("eventId", DeliveryIds.ForEvent(d));
                json.WriteString("chNFe", d.RowKey);
                WriteOrNull(json, "erpId", d.ErpId);
                json.WriteString("status", d.Status);
                WriteOrNull(json, "cStat", d.cStat);
                WriteOrNull(json, "xMotivo", d.xMotivo);
                WriteOrNull(json, "nProt", d.nProt);
                if (d.dhRecbto is { } dh)
                {
                    json.WriteString("dhRecbto", dh);
                }
                else
                {
                    json.WriteNull("dhRecbto");
                }
                json.WriteNumber("tpAmb", d.tpAmb);
                json.WriteNumber("mod", d.mod);
                json.WriteString("updatedAt", d.UpdatedAt);
                WriteOrNull(json, "procNFeUrl", string.IsNullOrEmpty(d.ProcBlob) ? null : ProcNFeUrl(d.RowKey, options));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>Where the ERP downloads the XML: absolute when the host's public URL is configured.</summary>
    public static string ProcNFeUrl(string chNFe, DistributionOptions options)
    {
        // The emitter's CNPJ is part of the key (positions 7–20).
        var path = options.ProcNFePathTemplate.Replace("{chNFe}", chNFe, StringComparison.Ordinal)
            .Replace("{cnpj}", chNFe.Length == 44 ? chNFe.Substring(6, 14) : "", StringComparison.Ordinal);
        return options.PublicBaseUrl is null ? path : options.PublicBaseUrl.AbsoluteUri.TrimEnd('/') + "/" + path.TrimStart('/');
    }

    private static void WriteOrNull(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteOrNull(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
