using System.Globalization;
using Tss.Protocol.Messages;

namespace Tss.Sefaz.Client.Status;

/// <summary>The status records of one process (tests, CLI, a single instance). Thread-safe.</summary>
public sealed class InMemoryStatusCacheStore : IStatusCacheStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<StatusKey, StatusCacheEntry> _entries = [];
    private long _version;

    public ValueTask<StatusCacheEntry?> ReadAsync(StatusKey key, CancellationToken ct)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_entries.GetValueOrDefault(key));
        }
    }

    public ValueTask<StatusCacheEntry?> TryClaimAsync(StatusKey key, StatusCacheEntry? current, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            var stored = _entries.GetValueOrDefault(key);
            if (stored?.Version != current?.Version)
            {
                return ValueTask.FromResult<StatusCacheEntry?>(null);
            }
            var claim = new StatusCacheEntry(now, Pending: true, stored?.Answer, stored?.AnsweredAt, NextVersion());
            _entries[key] = claim;
            return ValueTask.FromResult<StatusCacheEntry?>(claim);
        }
    }

    public ValueTask CompleteAsync(StatusKey key, StatusCacheEntry claim, RetConsStatServ? answer, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(claim);
        lock (_gate)
        {
            if (_entries.GetValueOrDefault(key)?.Version == claim.Version)
            {
                _entries[key] = answer is null
                    ? claim with { Pending = false, Version = NextVersion() }
                    : claim with { Pending = false, Answer = answer, AnsweredAt = now, Version = NextVersion() };
            }
            return ValueTask.CompletedTask;
        }
    }

    private string NextVersion() => (++_version).ToString(CultureInfo.InvariantCulture);
}
