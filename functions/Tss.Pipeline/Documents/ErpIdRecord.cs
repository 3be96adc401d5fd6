using Azure;
using Azure.Data.Tables;

namespace Tss.Pipeline.Documents;

/// <summary>Index from the ERP's own document id to the access key: partition = tenant, row = "{CNPJ}|{erpId}".</summary>
public sealed class ErpIdRecord : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string chNFe { get; set; } = "";

    /// <summary>Row key for an ERP id; characters a row key cannot hold are escaped.</summary>
    public static string RowFor(string cnpj, string erpId) => $"{cnpj}|{Uri.EscapeDataString(erpId)}";
}
