using System.Globalization;
using System.Text.Json;
using MimeKit;
using Tss.Contracts.Delivery;
using Tss.Pipeline.Events;

namespace Tss.Pipeline.Distribution.Internal;

/// <summary>
/// One answered event in a "nfe.event" delivery:
/// <c>{ "chNFe", "tpEvento", "nSeqEvento", "status", "cStat", "xMotivo", "nProt", "dhRegEvento", "updatedAt",
/// "procEventoNFeUrl" }</c> (status Registered or Rejected; the URL for registered events); e-mailed with its
/// procEventoNFe when registered.
/// </summary>
internal sealed class EventDeliveryItem(EventRecord record) : MailedDeliveryItem
{
    public override string Key => record.RowKey;

    public override bool HasMail => record.StatusValue == EventStatus.Registered && !string.IsNullOrEmpty(record.ProcBlob);

    public override string MailRow => string.Create(CultureInfo.InvariantCulture, $"{record.chNFe}-{record.tpEvento}-{record.nSeqEvento:00}");

    public override string Blob => record.ProcBlob!;

    public override string MissingXmlError => "procevento_unavailable";

    public override void WriteJson(Utf8JsonWriter json, Uri? publicBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(json);
        var e = record;
        json.WriteString("chNFe", e.chNFe);
        json.WriteString("tpEvento", e.tpEvento);
        json.WriteNumber("nSeqEvento", e.nSeqEvento);
        json.WriteString("status", e.Status);
        WriteOrNull(json, "cStat", e.cStat);
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
        json.WriteString("procEventoNFeUrl", string.IsNullOrEmpty(e.ProcBlob) ? null : ProcEventoUrl(e, publicBaseUrl));
    }

    public override MimeMessage Compose(byte[] xml, InternetAddressList to, SmtpOptions smtp, string deliveryId, byte[]? danfe) =>
        EventMailComposer.Compose(record, xml, to, smtp, deliveryId);

    /// <summary>Where the ERP downloads the procEventoNFe (the host's route), absolute when the public URL is configured.</summary>
    public static string ProcEventoUrl(EventRecord e, Uri? publicBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Link(string.Create(CultureInfo.InvariantCulture, $"/api/v1/entities/{e.Cnpj}/nfe/{e.chNFe}/events/{e.tpEvento}/{e.nSeqEvento}/procevento"), publicBaseUrl);
    }
}
