using Tss.Pipeline.Lots;

namespace Tss.Testing.Lots;

/// <summary>
/// Runs a lot's steps the way its orchestration does (send, wait, poll or consult, …, distribute), on a fake clock
/// that <c>advance</c> moves over each wait: for stage tests on Azurite and the simulator without a Durable worker.
/// </summary>
public static class LotDriver
{
    /// <summary>Runs the lot to its end and returns its final state.</summary>
    public static async Task<LotState> RunAsync(LotSteps steps, Action<TimeSpan> advance, string partition, string lotId, CancellationToken ct, int maxSteps = 50)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(advance);
        var step = await steps.SendAsync(partition, lotId, null, ct).ConfigureAwait(false);
        for (var i = 0; step.Next != LotAction.Close; i++)
        {
            if (i == maxSteps)
            {
                throw new InvalidOperationException($"Lot {lotId} did not close in {maxSteps} steps (last: {step.State.LastStatus}).");
            }
            step = await NextAsync(steps, advance, partition, lotId, step, ct).ConfigureAwait(false);
        }
        await steps.DistributeAsync(partition, step.State, ct).ConfigureAwait(false);
        return step.State;
    }

    /// <summary>Waits out <paramref name="step"/>'s delay on the fake clock and runs its next action.</summary>
    public static Task<LotStep> NextAsync(LotSteps steps, Action<TimeSpan> advance, string partition, string lotId, LotStep step, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(advance);
        ArgumentNullException.ThrowIfNull(step);
        advance(step.Delay + TimeSpan.FromMilliseconds(1));
        return step.Next switch
        {
            LotAction.Poll => steps.PollAsync(partition, lotId, step.State, ct),
            LotAction.Consult => steps.ConsultAsync(partition, lotId, step.State, ct),
            _ => steps.SendAsync(partition, lotId, step.State, ct),
        };
    }
}
