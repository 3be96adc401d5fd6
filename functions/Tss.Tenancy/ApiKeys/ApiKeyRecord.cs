using Azure;
using Azure.Data.Tables;

namespace Tss.Tenancy.ApiKeys;

/// <summary>
/// An API key: partition = key id, row "key" — so the check of a request is a point read by the id the key carries.
/// Only the SHA-256 hash of the secret is stored.
/// </summary>
public sealed class ApiKeyRecord : ITableEntity
{
    public const string Row = "key";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = Row;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string TenantId { get; set; } = "";

    /// <summary>SHA-256 of the secret part, base64.</summary>
    public string SecretHash { get; set; } = "";

    public string? Name { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    public string KeyId => PartitionKey;
}
