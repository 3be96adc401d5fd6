using Microsoft.DurableTask;
using Tss.Pipeline.Lots;

namespace Tss.Orchestrations.Lots;

public sealed partial class LotOrchestrator
{
    /// <summary>
    /// Restarts the lot after a durable wait (continue-as-new from <paramref name="carried"/>, or from its lot row when
    /// null), or — when it has failed too often or too long — marks it stuck and waits for an operator's retry.
    /// </summary>
    private static async Task<LotResult> RestartAsync(TaskOrchestrationContext context, LotInput input, LotRecovery recovery,
        LotStep? carried, bool progressed, bool fault, string error)
    {
        // A step failure after progress starts a new run of failures; a fault does not (a bug that throws after the
        // lot's first step of every run would otherwise restart forever).
        var fresh = progressed && !fault;
        var restart = fresh ? 1 : input.Restarts + 1;
        var now = context.CurrentUtcDateTime;
        var since = fresh || input.FailingSince is null ? now : input.FailingSince.Value;
        var faults = input.Faults + (fault ? 1 : 0);
        var logger = context.CreateReplaySafeLogger<LotOrchestrator>();
        if (recovery.GivesUp(restart, since, now))
        {
            return await StuckAsync(context, input with { Restarts = restart - 1, FailingSince = since, Faults = faults }, recovery, error);
        }

        var wait = recovery.RestartWait(restart);
        context.SetCustomStatus(new LotAttention(fault ? LotAttention.Faulted : LotAttention.Restarting, error, restart, since));
        if (fault)
        {
            Log.LotFaulted(logger, input.LotId, input.Partition, error, restart, wait);
            // The fault on the lot row, for the monitor (storage works: it was our code that threw).
            await MarkAsync(context, input, recovery, new LotAttentionInput(input.Partition, input.LotId, error, Stuck: false));
        }
        else
        {
            Log.LotRestarting(logger, input.LotId, input.Partition, error, restart, wait);
        }
        await context.CreateTimer(now + wait, CancellationToken.None);
        context.ContinueAsNew(input with { Carried = carried, Restarts = restart, FailingSince = since, Faults = faults });
        return Result(input, carried, distributed: 0);
    }

    /// <summary>
    /// The lot stops restarting: logged as an error, shown stuck in its custom status, its lot row and its open
    /// documents ("needs attention" with the last error); then it waits — no timer, no polling — for the operator's
    /// retry, clears the marks and goes on from its lot row, which still records any send that may have reached SEFAZ
    /// (so the retry reconciles by key rather than sending again).
    /// </summary>
    private static async Task<LotResult> StuckAsync(TaskOrchestrationContext context, LotInput input, LotRecovery recovery, string error)
    {
        var logger = context.CreateReplaySafeLogger<LotOrchestrator>();
        var since = input.FailingSince ?? context.CurrentUtcDateTime;
        Log.LotStuck(logger, input.LotId, input.Partition, error, input.Restarts, context.CurrentUtcDateTime - since);
        context.SetCustomStatus(new LotAttention(LotAttention.StuckKind, error, input.Restarts, since));
        await MarkAsync(context, input, recovery, new LotAttentionInput(input.Partition, input.LotId, error, Stuck: true));

        await context.WaitForExternalEvent<string?>(RetryEvent);

        Log.LotRetried(logger, input.LotId, input.Partition);
        context.SetCustomStatus(null);
        await MarkAsync(context, input, recovery, new LotAttentionInput(input.Partition, input.LotId, Error: null, Stuck: false));
        context.ContinueAsNew(input with { Carried = null, Restarts = 0, FailingSince = null });
        return Result(input, null, distributed: 0);
    }

    /// <summary>Writes the mark with a few retries only: a mark that cannot be written must not hold the lot for an hour.</summary>
    private static async Task MarkAsync(TaskOrchestrationContext context, LotInput input, LotRecovery recovery, LotAttentionInput mark)
    {
        var options = TaskOptions.FromRetryPolicy(new RetryPolicy(3, recovery.FirstRetry, 2, recovery.MaxRetry));
        try
        {
            await context.CallActivityAsync(nameof(MarkLotAttentionActivity), mark, options);
        }
        catch (TaskFailedException e)
        {
            Log.LotMarkFailed(context.CreateReplaySafeLogger<LotOrchestrator>(), input.LotId, input.Partition, e.FailureDetails.ErrorMessage);
        }
    }
}
