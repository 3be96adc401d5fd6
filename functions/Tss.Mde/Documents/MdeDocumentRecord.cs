using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Tss.Mde.Protocol;

namespace Tss.Mde.Documents;

/// <summary>
/// Index row of a received document, in partition "{tenant}|{cnpj}": by NSU (RK "nsu-{NSU:15}") and, when the document
/// names a key, by key (RK "key-{chNFe}-{NSU:15}"). The XML itself is a blob (<see cref="BlobName"/>).
/// </summary>
public sealed class MdeDocumentRecord : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public long Nsu { get; set; }
    public int Model { get; set; } = 55;
    public string Schema { get; set; } = "";
    public string Type { get; set; } = "";
    public string? chNFe { get; set; }
    public string? EmitCnpj { get; set; }
    public string? xNome { get; set; }
    public string? vNF { get; set; }
    public string? dhEmi { get; set; }
    public string? tpEvento { get; set; }
    public string? nProt { get; set; }
    public string? cSitNFe { get; set; }
    public string? Problem { get; set; }
    /// <summary>The XML when it fits in the row (most resNFe/resEvento); otherwise null and <see cref="BlobName"/> holds it.
    /// Key rows carry neither: their XML is on the NSU row.</summary>
    public string? Xml { get; set; }

    public string BlobName { get; set; } = "";
    public DateTimeOffset ReceivedAt { get; set; }

    public static string PartitionFor(string tenantId, string cnpj) => $"{tenantId}|{cnpj}";

    public static string NsuRow(long nsu) => "nsu-" + nsu.ToString("D15", CultureInfo.InvariantCulture);

    public static string KeyRow(string chNFe, long nsu) => $"key-{chNFe}-{nsu.ToString("D15", CultureInfo.InvariantCulture)}";

    public static MdeDocumentRecord From(string partition, string rowKey, ReceivedDocument d, int model, string blobName, DateTimeOffset now) => new()
    {
        PartitionKey = partition,
        RowKey = rowKey,
        Nsu = d.Nsu,
        Model = model,
        Schema = d.Schema.Length > 100 ? d.Schema[..100] : d.Schema,
        Type = d.Type.ToString(),
        chNFe = d.chNFe,
        EmitCnpj = d.EmitCnpj,
        xNome = d.xNome,
        vNF = d.vNF,
        dhEmi = d.dhEmi,
        tpEvento = d.tpEvento,
        nProt = d.nProt,
        cSitNFe = d.cSitNFe,
        Problem = d.Problem,
        BlobName = blobName,
        ReceivedAt = now,
    };
}
