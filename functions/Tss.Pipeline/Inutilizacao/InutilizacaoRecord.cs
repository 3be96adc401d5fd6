using Azure;
using Azure.Data.Tables;

namespace Tss.Pipeline.Inutilizacao;

/// <summary>
/// One inutilização of an entity, in the documents table: partition "{tenant}|{CNPJ}|inut" (beside the entity's
/// monthly partitions, never listed with documents), row "inut|{id}" where id is the infInut Id without "ID"
/// (cUF, ano, CNPJ, mod, serie, nNFIni, nNFFin) — the same range asked twice is the same record.
/// </summary>
public sealed class InutilizacaoRecord : ITableEntity
{
    public const string RowPrefix = "inut|";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string TenantId { get; set; } = "";
    public string Cnpj { get; set; } = "";
    public string Uf { get; set; } = "";
    public int tpAmb { get; set; }
    public int mod { get; set; }
    public int serie { get; set; }
    public int nNFIni { get; set; }
    public int nNFFin { get; set; }
    public int ano { get; set; }
    public string xJust { get; set; } = "";
    public string Status { get; set; } = nameof(InutilizacaoStatus.Sending);
    public string? SignedXml { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public int SendAttempts { get; set; }
    public int? cStat { get; set; }
    public string? xMotivo { get; set; }
    public string? nProt { get; set; }
    public DateTimeOffset? dhRecbto { get; set; }
    public string? ProcBlob { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public string Id => RowKey[RowPrefix.Length..];

    public InutilizacaoStatus StatusValue => Enum.Parse<InutilizacaoStatus>(Status);

    public static string PartitionFor(string tenantId, string cnpj) => $"{tenantId}|{cnpj}|inut";

    public static string RowFor(string id) => RowPrefix + id;

    public static string BlobName(string partition, string id) => $"{partition.Replace('|', '/')}/{id}-procInutNFe.xml";
}
