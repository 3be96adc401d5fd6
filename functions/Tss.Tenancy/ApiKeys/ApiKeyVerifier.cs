using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Tss.Tenancy.Internal;

namespace Tss.Tenancy.ApiKeys;

/// <summary>
/// Checks presented API keys. The key record is read once per TTL per key id (hits and misses cached), so a steady
/// request stream costs no storage transaction per key. Revocation: at once on the instance that revoked; on every
/// other instance within <see cref="TenancyOptions.RevocationCheckInterval"/>, because before answering from the cache
/// the verifier makes sure it looked at the <see cref="ApiKeyRevocationStamp"/> within that interval (one point read
/// per interval per instance while requests arrive) and drops the whole cache when the stamp changed.
/// </summary>
public sealed class ApiKeyVerifier : IDisposable
{
    private static readonly string[] StampColumns = ["PartitionKey"];

    private readonly TableClient _table;
    private readonly ExpiringCache<ApiKeyRecord> _cache;
    private readonly IOptions<TenancyOptions> _options;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _stampGate = new(1, 1);
    private DateTimeOffset _stampCheckedAt = DateTimeOffset.MinValue;
    private ETag? _stamp;

    public ApiKeyVerifier(TableServiceClient tables, IOptions<TenancyOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(options);
        _table = tables.GetTableClient(options.Value.ApiKeysTable);
        _cache = new ExpiringCache<ApiKeyRecord>(time, () => options.Value.CacheTtl);
        _options = options;
        _time = time;
    }

    /// <summary>The tenant the key belongs to, or null when the key is malformed, unknown, revoked or wrong.</summary>
    public async Task<ApiKeyIdentity?> VerifyAsync(string? presentedKey, CancellationToken ct)
    {
        if (!ApiKeyFormat.TryParse(presentedKey, out var keyId, out var secret))
        {
            return null;
        }
        await EnsureRevocationsSeenAsync(ct).ConfigureAwait(false);
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

    public void Dispose() => _stampGate.Dispose();

    private async ValueTask EnsureRevocationsSeenAsync(CancellationToken ct)
    {
        var interval = _options.Value.RevocationCheckInterval;
        if (_options.Value.CacheTtl <= TimeSpan.Zero || _time.GetUtcNow() - _stampCheckedAt < interval)
        {
            return; // nothing is cached, or the stamp was read recently enough
        }
        await _stampGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var now = _time.GetUtcNow();
            if (now - _stampCheckedAt < interval)
            {
                return; // another request read it while this one waited
            }
            var read = await _table.GetEntityIfExistsAsync<TableEntity>(ApiKeyRevocationStamp.Partition, ApiKeyRevocationStamp.Row, StampColumns, ct).ConfigureAwait(false);
            ETag? current = read.HasValue ? read.Value!.ETag : null;
            // The first look clears too: entries cached before it may predate a revocation this instance never saw.
            if (_stampCheckedAt == DateTimeOffset.MinValue || current != _stamp)
            {
                _cache.Clear();
            }
            (_stamp, _stampCheckedAt) = (current, now);
        }
        finally
        {
            _stampGate.Release();
        }
    }
}
