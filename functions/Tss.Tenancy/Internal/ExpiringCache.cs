using System.Collections.Concurrent;

namespace Tss.Tenancy.Internal;

/// <summary>
/// A small time-bounded cache for point lookups (hits and misses alike, so a stream of requests with an unknown key
/// costs one read per TTL too). Bounded: past <see cref="MaxEntries"/> it starts over rather than grow without limit.
/// Concurrent first lookups of one key may each read storage once; that is cheaper than a lock per key.
/// </summary>
internal sealed class ExpiringCache<TValue>(TimeProvider time, Func<TimeSpan> ttl)
    where TValue : class
{
    public const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<string, (TValue? Value, DateTimeOffset Expires)> _entries = new(StringComparer.Ordinal);

    public async ValueTask<TValue?> GetOrLoadAsync(string key, Func<CancellationToken, Task<TValue?>> load, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(key, out var hit) && hit.Expires > now)
        {
            return hit.Value;
        }
        var value = await load(ct).ConfigureAwait(false);
        var lifetime = ttl();
        if (lifetime > TimeSpan.Zero)
        {
            if (_entries.Count >= MaxEntries)
            {
                _entries.Clear();
            }
            _entries[key] = (value, now + lifetime);
        }
        return value;
    }

    public void Invalidate(string key) => _entries.TryRemove(key, out _);
}
