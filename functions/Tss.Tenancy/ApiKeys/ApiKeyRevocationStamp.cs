using Azure.Data.Tables;

namespace Tss.Tenancy.ApiKeys;

/// <summary>
/// One row in the API-keys table that every revocation rewrites (partition "~revocations": no key id has a '~').
/// Instances read it at most once per <see cref="TenancyOptions.RevocationCheckInterval"/> and drop their key cache
/// when its ETag changed, so a revocation reaches every instance within that interval for one point read per interval.
/// </summary>
public static class ApiKeyRevocationStamp
{
    public const string Partition = "~revocations";
    public const string Row = "stamp";

    /// <summary>Rewrites the stamp (a new ETag) after <paramref name="keyId"/> was revoked.</summary>
    public static Task WriteAsync(TableClient table, string keyId, DateTimeOffset revokedAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(table);
        var stamp = new TableEntity(Partition, Row) { ["KeyId"] = keyId, ["RevokedAt"] = revokedAt };
        return table.UpsertEntityAsync(stamp, TableUpdateMode.Replace, ct);
    }
}
