using Azure;
using Azure.Data.Tables;

namespace Tss.Mde.Sharing;

/// <summary>The first tenant of a company in MD-e (RK "company" in the sharing partition), claimed once by insert-if-absent.</summary>
public sealed class MdeCompanyRow : ITableEntity
{
    public const string Row = "company";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = Row;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string FounderTenantId { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
