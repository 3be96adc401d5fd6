using Azure;
using Azure.Data.Tables;

namespace Tss.Portal.Tenants;

/// <summary>What the portal keeps about a tenant beside the tenant record: the contracting company's CNPJ and contact (partition "profile", row = tenant id).</summary>
public sealed class TenantProfile : ITableEntity
{
    public const string Partition = "profile";

    public string PartitionKey { get; set; } = Partition;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string TenantId => RowKey;
    public string Cnpj { get; set; } = "";
    public string ContactEmail { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
