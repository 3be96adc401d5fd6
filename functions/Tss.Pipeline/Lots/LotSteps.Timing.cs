using Microsoft.Extensions.Logging;
using Tss.Protocol.Time;

namespace Tss.Pipeline.Lots;

public sealed partial class LotSteps
{
    /// <summary>
    /// How early (real time) a step may be called and still sleep out the rest itself; earlier than this it hands the
    /// wait back to a durable timer. Timers on Azure Storage queues fire up to 1 s early.
    /// </summary>
    private static readonly TimeSpan TopUpLimit = TimeSpan.FromSeconds(2);

    /// <summary>How much faster than real time the pipeline clock runs (1 unless scaled for end-to-end runs).</summary>
    private double Scale => time is ScaledTimeProvider { Scale: > 0 } scaled ? scaled.Scale : 1;

    private static LotState WithNotBefore(LotState state, DateTimeOffset now, TimeSpan wait) =>
        state with { NotBefore = wait > TimeSpan.Zero ? now + wait : null };

    /// <summary>
    /// Keeps the mandated waits a floor whatever the engine's timer precision: a step called before the lot's
    /// <see cref="LotState.NotBefore"/> sleeps out a short remainder, or returns itself with the remainder as a new
    /// durable timer. Null when the step may call SEFAZ now.
    /// </summary>
    private async Task<LotStep?> HoldAsync(LotState state, LotAction action, CancellationToken ct)
    {
        if (state.NotBefore is not { } due || due - time.GetUtcNow() is not { Ticks: > 0 } remaining)
        {
            return null;
        }
        var real = TimeSpan.FromTicks((long)Math.Ceiling(remaining.Ticks / Scale));
        Log.LotCalledEarly(logger, state.LotId, action, real.TotalMilliseconds);
        if (real > TopUpLimit)
        {
            return new LotStep(state, action, real);
        }
        await Task.Delay(real, ct).ConfigureAwait(false);
        return null;
    }
}
