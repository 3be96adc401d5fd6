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

    private long _generation;

    public async ValueTask<TValue?> GetOrLoadAsync(string key, Func<CancellationToken, Task<TValue?>> load, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(key, out var hit) && hit.Expires > now)
        {
            return hit.Value;
        }
        var generation = Interlocked.Read(ref _generation);
        var value = await load(ct).ConfigureAwait(false);
        var lifetime = ttl();
        // A load that started before a Clear may carry what the Clear was meant to drop: used once, never cached.
        if (lifetime > TimeSpan.Zero && Interlocked.Read(ref _generation) == generation)
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

    /// <summary>Forgets everything, including what loads in flight are about to store.</summary>
    public void Clear()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }
}
