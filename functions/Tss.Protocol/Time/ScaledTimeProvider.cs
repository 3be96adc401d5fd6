using System.Globalization;
using Tss.Protocol.Time.Internal;

namespace Tss.Protocol.Time;

/// <summary>
/// A clock that runs <see cref="Scale"/> times faster than real time from a shared origin, so that two processes
/// configured with the same origin and scale agree on "now" and the 15-second, 3-minute and one-hour rules take
/// seconds in tests. Timers and delays created through it are shortened by the same factor.
/// </summary>
public sealed class ScaledTimeProvider : TimeProvider
{
    private readonly DateTimeOffset _origin;
    private readonly TimeProvider _inner;
    private readonly long _timestampOrigin;

    /// <param name="origin">The instant at which scaled time equals real time (both processes must share it).</param>
    /// <param name="scale">Speed-up factor (1 = real time).</param>
    /// <param name="inner">The real clock (defaults to <see cref="TimeProvider.System"/>).</param>
    public ScaledTimeProvider(DateTimeOffset origin, double scale, TimeProvider? inner = null)
    {
        if (!double.IsFinite(scale) || scale <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "The scale must be a positive, finite number.");
        }

        _origin = origin;
        Scale = scale;
        _inner = inner ?? System;
        // Timestamps are scaled relative to this point so that the product cannot overflow a long.
        _timestampOrigin = _inner.GetTimestamp();
    }

    public double Scale { get; }

    /// <summary>The instant at which scaled time equals real time.</summary>
    public DateTimeOffset Origin => _origin;

    /// <summary>
    /// The provider for configuration values: null when <paramref name="scale"/> is 1 (use the real clock); otherwise a
    /// scaled clock from <paramref name="origin"/> (ISO 8601 round-trip text, required then).
    /// </summary>
    public static ScaledTimeProvider? FromConfiguration(string? origin, double scale, TimeProvider? inner = null)
    {
        if (scale == 1)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(origin))
        {
            throw new ArgumentException("A scaled clock needs an origin shared by every process (ISO 8601).", nameof(origin));
        }

        if (!DateTimeOffset.TryParse(origin, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            throw new ArgumentException($"The clock origin '{origin}' is not an ISO 8601 date and time.", nameof(origin));
        }

        return new ScaledTimeProvider(parsed, scale, inner);
    }

    public override DateTimeOffset GetUtcNow()
    {
        var elapsed = _inner.GetUtcNow() - _origin;
        return _origin + TimeSpan.FromTicks(checked((long)(elapsed.Ticks * Scale)));
    }

    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    public override long TimestampFrequency => _inner.TimestampFrequency;

    public override long GetTimestamp() => _timestampOrigin + (long)((_inner.GetTimestamp() - _timestampOrigin) * Scale);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return new ScaledTimer(_inner.CreateTimer(callback, state, ToInner(dueTime), ToInner(period)), this);
    }

    /// <summary>Converts a scaled duration to real (inner) time; Infinite and zero keep their meaning.</summary>
    internal TimeSpan ToInner(TimeSpan scaled)
    {
        if (scaled == Timeout.InfiniteTimeSpan || scaled <= TimeSpan.Zero)
        {
            return scaled;
        }

        // Never round a positive interval down to zero: a zero period would turn a periodic timer into a one-shot.
        return TimeSpan.FromTicks(Math.Max(1, (long)Math.Ceiling(scaled.Ticks / Scale)));
    }
}
