using Azure;
using Azure.Data.Tables;
using Tss.Protocol.Reactions;

namespace Tss.Mde.Manifestacao;

/// <summary>A manifestação sent by a company (documents table, partition "{tenant}|{cnpj}", RK "man-{chNFe}-{tpEvento}").</summary>
public sealed class ManifestacaoRecord : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string chNFe { get; set; } = "";
    public string tpEvento { get; set; } = "";
    public int cStat { get; set; }
    public string xMotivo { get; set; } = "";
    public string? nProt { get; set; }
    public DateTimeOffset? dhRegEvento { get; set; }
    public string? BlobName { get; set; }

    public bool IsRegistered => CStatTables.Evento.React(cStat) is CStatReaction.Register or CStatReaction.AlreadyRegistered;

    public static string RowKeyFor(string chNFe, string tpEvento) => RowKeyPrefixFor(chNFe) + tpEvento;

    /// <summary>The common start of the rows of one key's manifestações.</summary>
    public static string RowKeyPrefixFor(string chNFe) => $"man-{chNFe}-";
}
