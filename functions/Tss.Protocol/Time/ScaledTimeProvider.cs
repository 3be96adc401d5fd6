namespace Tss.Protocol.Time;

/// <summary>
/// A clock that runs <see cref="Scale"/> times faster than real time from a shared origin, so that two processes
/// configured with the same origin and scale agree on "now" and the 15-second, 3-minute and one-hour rules take
/// seconds in tests. Timers and delays created through it are shortened by the same factor.
/// </summary>
public sealed class ScaledTimeProvider : TimeProvider
{
    /// <param name="origin">The instant at which scaled time equals real time (both processes must share it).</param>
    /// <param name="scale">Speed-up factor (1 = real time).</param>
    /// <param name="inner">The real clock (defaults to <see cref="TimeProvider.System"/>).</param>
    public ScaledTimeProvider(DateTimeOffset origin, double scale, TimeProvider? inner = null) => throw new NotImplementedException();

    public double Scale => throw new NotImplementedException();

    public override DateTimeOffset GetUtcNow() => throw new NotImplementedException();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) => throw new NotImplementedException();
}
