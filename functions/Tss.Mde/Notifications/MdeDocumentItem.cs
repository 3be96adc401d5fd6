using System.Globalization;
using System.Text.Json;
using Tss.Contracts.Delivery;
using Tss.Mde.Documents;

namespace Tss.Mde.Notifications;

/// <summary>
/// One received document in an "mde.document" delivery:
/// <c>{ "nsu", "docType", "schema", "chNFe", "emitCnpj", "xNome", "vNF", "xmlUrl" }</c> (docType: ResNFe, ProcNFe,
/// ResEvento, ProcEventoNFe; xmlUrl absolute when the host's public URL is configured).
/// </summary>
internal sealed class MdeDocumentItem(string cnpj, MdeDocumentRecord row) : DeliveryItem
{
    public override string Key => row.Nsu.ToString(CultureInfo.InvariantCulture);

    public override void WriteJson(Utf8JsonWriter json, Uri? publicBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteNumber("nsu", row.Nsu);
        json.WriteString("docType", row.Type);
        json.WriteString("schema", row.Schema);
        WriteOrNull(json, "chNFe", row.chNFe);
        WriteOrNull(json, "emitCnpj", row.EmitCnpj);
        WriteOrNull(json, "xNome", row.xNome);
        WriteOrNull(json, "vNF", row.vNF);
        json.WriteString("xmlUrl", Link(string.Create(CultureInfo.InvariantCulture, $"/api/v1/entities/{cnpj}/mde/documents/by-nsu/{row.Nsu}/xml"), publicBaseUrl));
    }
}
