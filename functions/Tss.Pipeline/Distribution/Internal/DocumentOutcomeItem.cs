using System.Text.Json;
using MimeKit;
using Tss.Contracts.Delivery;
using Tss.Contracts.Documents;
using Tss.Pipeline.Documents;

namespace Tss.Pipeline.Distribution.Internal;

/// <summary>
/// One document's final outcome in a "nfe.outcome" delivery:
/// <c>{ "eventId", "chNFe", "erpId", "status", "cStat", "xMotivo", "nProt", "dhRecbto", "tpAmb", "mod", "updatedAt",
/// "procNFeUrl" }</c> (procNFeUrl absent for rejections); e-mailed with its procNFe (and DANFE) when authorized or denied.
/// </summary>
internal sealed class DocumentOutcomeItem(DocumentRecord document, string procNFePathTemplate) : MailedDeliveryItem
{
    public DocumentRecord Document => document;

    public override string Key => document.RowKey;

    public override bool HasMail =>
        document.StatusValue is DocumentStatus.Authorized or DocumentStatus.Denied && !string.IsNullOrEmpty(document.ProcBlob);

    public override string MailRow => document.RowKey;

    public override string Blob => document.ProcBlob!;

    public override string MissingXmlError => "procnfe_unavailable";

    public override bool WantsDanfe => document.StatusValue == DocumentStatus.Authorized;

    public override void WriteJson(Utf8JsonWriter json, Uri? publicBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(json);
        var d = document;
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
        WriteOrNull(json, "procNFeUrl", string.IsNullOrEmpty(d.ProcBlob) ? null : ProcNFeUrl(d.RowKey, procNFePathTemplate, publicBaseUrl));
    }

    public override MimeMessage Compose(byte[] xml, InternetAddressList to, SmtpOptions smtp, string deliveryId, byte[]? danfe) =>
        MailComposer.Compose(document, xml, to, smtp, deliveryId, danfe);

    /// <summary>Where the ERP downloads the XML: absolute when the host's public URL is configured.</summary>
    public static string ProcNFeUrl(string chNFe, string pathTemplate, Uri? publicBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(chNFe);
        ArgumentNullException.ThrowIfNull(pathTemplate);
        // The emitter's CNPJ is part of the key (positions 7–20).
        var path = pathTemplate.Replace("{chNFe}", chNFe, StringComparison.Ordinal)
            .Replace("{cnpj}", chNFe.Length == 44 ? chNFe.Substring(6, 14) : "", StringComparison.Ordinal);
        return Link(path, publicBaseUrl);
    }
}
