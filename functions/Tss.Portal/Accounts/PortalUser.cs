using Azure;
using Azure.Data.Tables;

namespace Tss.Portal.Accounts;

/// <summary>
/// A portal user: partition = normalised e-mail, row "user" — the login is a point read. Only a password hash is
/// stored (ASP.NET Core Identity's format: PBKDF2-HMAC-SHA512, 100,000 iterations, per-user salt, versioned).
/// </summary>
public sealed class PortalUser : ITableEntity
{
    public const string Row = "user";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = Row;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Email => PartitionKey;

    /// <summary>Empty for operators.</summary>
    public string TenantId { get; set; } = "";

    public string Role { get; set; } = PortalRoles.TenantAdmin;
    public string PasswordHash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastLoginAt { get; set; }
}
