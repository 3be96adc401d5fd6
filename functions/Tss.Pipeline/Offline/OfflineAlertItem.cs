using System.Text.Json;
using Tss.Contracts.Delivery;
using Tss.Pipeline.Documents;

namespace Tss.Pipeline.Offline;

/// <summary>
/// One NFC-e of a "nfce.offline_near_limit" delivery: <c>{ "chNFe", "erpId", "status", "issuedAt", "transmitBy",
/// "message" }</c> (message in pt-BR, for the people at the till).
/// </summary>
internal sealed class OfflineAlertItem(DocumentRecord record) : DeliveryItem
{
    public override string Key => record.RowKey;

    public override void WriteJson(Utf8JsonWriter json, Uri? publicBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(json);
        var by = record.OfflineTransmitBy!.Value;
        json.WriteString("chNFe", record.RowKey);
        WriteOrNull(json, "erpId", record.ErpId);
        json.WriteString("status", record.Status);
        json.WriteString("issuedAt", record.OfflineIssuedAt ?? by - NfceOffline.TransmitWithin);
        json.WriteString("transmitBy", by);
        json.WriteString("message",
            $"NFC-e emitida em contingência off-line ainda não autorizada: o prazo de 24 h para transmiti-la termina em {by:yyyy-MM-dd HH:mm:ss'Z'}.");
        json.WriteString("documentUrl", Link($"/api/v1/entities/{record.Cnpj}/nfe/{record.RowKey}", publicBaseUrl));
    }
}
