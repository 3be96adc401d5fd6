using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Tss.Portal.Accounts;

/// <summary>
/// Per-account login throttle (in memory, per instance) that replaces the old lockout. Each key — an e-mail as typed,
/// whether or not it has an account, so the answers reveal nothing — gets <see cref="PortalOptions.FreeLoginFailures"/>
/// attempts, then must wait 1 s, 2 s, 4 s … up to <see cref="PortalOptions.MaxLoginDelay"/> between attempts. An
/// attempt counts as failed until it succeeds (so parallel guesses cannot slip through together); a success forgets
/// the key. The real user's browser, once it logged in, carries a device cookie and is throttled under its own key
/// (<see cref="LoginDevice"/>), so an attacker's failures never keep it out.
/// </summary>
public sealed class LoginThrottle(IOptions<PortalOptions> options, TimeProvider time)
{
    /// <summary>Keys kept before stale ones (untouched for an hour) are dropped.</summary>
    public const int MaxKeys = 100_000;

    private readonly ConcurrentDictionary<string, State> _states = new(StringComparer.Ordinal);

    /// <summary>Null when an attempt for <paramref name="key"/> may go ahead now (and it is counted); otherwise how long to wait.</summary>
    public TimeSpan? TryBegin(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var o = options.Value;
        var now = time.GetUtcNow();
        if (_states.Count >= MaxKeys)
        {
            Trim(now);
        }
        var state = _states.GetOrAdd(key, _ => new State());
        lock (state)
        {
            state.Touched = now;
            if (state.NextAttemptAt > now)
            {
                return state.NextAttemptAt - now;
            }
            state.Attempts++;
            if (state.Attempts >= o.FreeLoginFailures)
            {
                var doublings = Math.Min(state.Attempts - o.FreeLoginFailures, 20);
                var delay = TimeSpan.FromSeconds(1L << doublings);
                state.NextAttemptAt = now + (delay < o.MaxLoginDelay ? delay : o.MaxLoginDelay);
            }
            return null;
        }
    }

    /// <summary>The attempt begun for <paramref name="key"/> succeeded: its count starts over.</summary>
    public void Succeeded(string key) => _states.TryRemove(key, out _);

    private void Trim(DateTimeOffset now)
    {
        foreach (var (key, state) in _states)
        {
            if (now - state.Touched > TimeSpan.FromHours(1))
            {
                _states.TryRemove(key, out _);
            }
        }
        if (_states.Count >= MaxKeys)
        {
            _states.Clear(); // a flood of fresh keys: start over rather than grow without bound
        }
    }

    private sealed class State
    {
        public int Attempts;
        public DateTimeOffset NextAttemptAt;
        public DateTimeOffset Touched;
    }
}
