using Tss.Protocol.Time;

namespace Tss.Runtime.Timers.Internal;

/// <summary>
/// Turns "this much clock time until due" into a queue visibility delay. The clock may be scaled (tests run the
/// 15-second and one-hour rules in seconds), but queue visibility is real time, so the wait is divided by the
/// scale; it is capped at the 7-day maximum and rounded up to whole seconds (the service's unit) so a message
/// never surfaces before it is due because of rounding.
/// </summary>
internal static class DurableTimerDelay
{
    /// <summary>Longest visibility delay Azure Storage accepts.</summary>
    public static readonly TimeSpan MaxVisibility = TimeSpan.FromDays(7);

    /// <summary>Speed-up of <paramref name="clock"/> relative to real time (1 unless it is a <see cref="ScaledTimeProvider"/>).</summary>
    public static double ScaleOf(TimeProvider clock) => clock is ScaledTimeProvider scaled && scaled.Scale > 0 ? scaled.Scale : 1;

    /// <summary>The real-time visibility delay for a wait of <paramref name="remaining"/> on a clock running <paramref name="scale"/> times fast.</summary>
    public static TimeSpan ToVisibility(TimeSpan remaining, double scale)
    {
        if (remaining <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }
        var realSeconds = remaining.TotalSeconds / scale;
        var seconds = Math.Ceiling(Math.Min(realSeconds, MaxVisibility.TotalSeconds));
        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>The visibility delay for a message due at <paramref name="dueAt"/>, measured on <paramref name="clock"/>.</summary>
    public static TimeSpan ToVisibility(DateTimeOffset dueAt, TimeProvider clock) =>
        ToVisibility(dueAt - clock.GetUtcNow(), ScaleOf(clock));
}
