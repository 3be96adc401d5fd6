using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Tss.Tenancy.Internal;

namespace Tss.Tenancy.ApiKeys;

/// <summary>
/// Checks presented API keys. The key record is read once per TTL per key id (hits and misses cached), so a steady
/// request stream costs no storage transaction for authentication; revocation is seen within the TTL (at once on the
/// instance that revoked).
/// </summary>
public sealed class ApiKeyVerifier
{
    private readonly TableClient _table;
    private readonly ExpiringCache<ApiKeyRecord> _cache;

    public ApiKeyVerifier(TableServiceClient tables, IOptions<TenancyOptions> options, TimeProvider time)
    {
        var o = options.Value;
        _table = tables.GetTableClient(o.ApiKeysTable);
        _cache = new ExpiringCache<ApiKeyRecord>(time, () => options.Value.CacheTtl);
    }

    /// <summary>The tenant the key belongs to, or null when the key is malformed, unknown, revoked or wrong.</summary>
    public async Task<ApiKeyIdentity?> VerifyAsync(string? presentedKey, CancellationToken ct)
    {
        if (!ApiKeyFormat.TryParse(presentedKey, out var keyId, out var secret))
        {
            return null;
        }
        var record = await _cache.GetOrLoadAsync(keyId, async c =>
        {
            var read = await _table.GetEntityIfExistsAsync<ApiKeyRecord>(keyId, ApiKeyRecord.Row, cancellationToken: c).ConfigureAwait(false);
            return read.HasValue ? read.Value : null;
        }, ct).ConfigureAwait(false);
        if (record is null || record.RevokedAt is not null || !ApiKeyFormat.Verify(keyId, secret, record.SecretHash))
        {
            return null;
        }
        return new ApiKeyIdentity(record.TenantId, keyId);
    }

    /// <summary>Forgets a cached key (after revocation on this instance).</summary>
    public void Invalidate(string keyId) => _cache.Invalidate(keyId);
}
