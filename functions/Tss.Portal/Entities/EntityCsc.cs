using Azure;
using Azure.Data.Tables;

namespace Tss.Portal.Entities;

/// <summary>The NFC-e CSC (Código de Segurança do Contribuinte) of an entity: partition = tenant, row = CNPJ.</summary>
public sealed class EntityCsc : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary>idCSC: identifier of the CSC at the SEFAZ (1–6 digits).</summary>
    public string CscId { get; set; } = "";

    /// <summary>The CSC itself (16–36 letters and digits; needed in clear to build the NFC-e QR code). Never shown again.</summary>
    public string CscToken { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }
}
