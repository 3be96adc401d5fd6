using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Tss.Host.Auth;

/// <summary>
/// Counts failed API-key attempts per client with a fixed-window limiter (System.Threading.RateLimiting, the engine of
/// ASP.NET Core's rate limiting). Only failures spend permits: a client with a valid key is never slowed by it; a
/// client that ran out gets 429 for every key until its window ends, and no key of its costs a storage read.
/// </summary>
public sealed class ApiKeyFailureThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public ApiKeyFailureThrottle(IOptions<ApiKeyThrottleOptions> options)
    {
        var o = options.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = o.FailuresPerWindow,
            Window = o.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>True when <paramref name="client"/> has no failure left in its window; then <paramref name="retryAfter"/> says how long to wait.</summary>
    public bool IsBlocked(string client, out TimeSpan retryAfter)
    {
        // Zero permits asks "is there any left?" without spending one.
        using var lease = _limiter.AttemptAcquire(client, 0);
        retryAfter = !lease.IsAcquired && lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.Zero;
        return !lease.IsAcquired;
    }

    /// <summary>Spends one of <paramref name="client"/>'s failures.</summary>
    public void Failed(string client)
    {
        using var _ = _limiter.AttemptAcquire(client, 1);
    }

    public void Dispose() => _limiter.Dispose();
}
