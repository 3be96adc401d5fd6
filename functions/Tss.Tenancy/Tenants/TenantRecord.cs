using Azure;
using Azure.Data.Tables;

namespace Tss.Tenancy.Tenants;

/// <summary>A tenant (a customer of the service): partition "tenant", row = tenant id.</summary>
public sealed class TenantRecord : ITableEntity
{
    public const string Partition = "tenant";

    public string PartitionKey { get; set; } = Partition;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Name { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    public string TenantId => RowKey;
}
