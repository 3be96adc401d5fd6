using System.ComponentModel.DataAnnotations;

namespace Tss.Host.Auth;

/// <summary>How many failed API-key attempts a client (IP address, IPv6 /64) gets per window, per instance (section "ApiKeys").</summary>
public sealed class ApiKeyThrottleOptions
{
    public const string Section = "ApiKeys";

    /// <summary>Failed attempts (unknown, revoked, wrong or malformed key) allowed per window; past it every key from
    /// the client is answered 429 without a storage read until the window ends.</summary>
    [Range(1, 100_000)]
    public int FailuresPerWindow { get; set; } = 30;

    /// <summary>The window (real time: a network throttle, not a fiscal clock).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
