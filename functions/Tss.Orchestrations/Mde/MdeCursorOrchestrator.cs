using Microsoft.DurableTask;
using Tss.Mde.Sync;

namespace Tss.Orchestrations.Mde;

/// <summary>The input of one cycle of a cursor's orchestration: the cursor and the "sync now" that woke it, if any.</summary>
public sealed record MdeCursorCycle(string Cnpj, int Model, int tpAmb, MdeSyncRequest? Request = null);

/// <summary>
/// The MD-e consumption of one CNPJ, model and tpAmb: ONE eternal orchestration (its instance id is the singleton,
/// <see cref="DurableMdeCursorRunner.InstanceIdFor"/>). Each cycle runs one pass as an activity (the distNSU loop
/// bounded by the budget, holding the cursor's in-flight marker), waits for the next pass the pure policy computed
/// (interval, 137/656 one-hour blocks) on a durable timer raced with a "sync now" event, then continues as new, so the
/// history stays one cycle long; events that arrived meanwhile are carried over. Ends only when no tenant holding the
/// CNPJ can sync it (started again when one proves it, when a cursor is created, and at host start).
/// </summary>
public sealed class MdeCursorOrchestrator : TaskOrchestrator<MdeCursorCycle, string>
{
    /// <summary>The external event a "sync now" raises (payload <see cref="MdeSyncRequest"/>).</summary>
    public const string SyncNowEvent = "sync-now";

    /// <summary>Storage failures inside the pass are retried; SEFAZ answers and transport failures are outcomes, not failures.</summary>
    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 10, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(1)));

    /// <summary>
    /// Added to every wait: on Azure Storage a durable timer fires up to 1 s early (queue visibility delays are whole
    /// seconds). The pass would see the block still on and answer the remainder (no SEFAZ call is made early), but each
    /// such round costs a cycle; MD-e waits are minutes to an hour, so one second more is free.
    /// </summary>
    private static readonly TimeSpan EarlyTimerPad = TimeSpan.FromSeconds(1);

    /// <summary>Wait after a pass that failed every retry (storage down) before the next cycle tries again.</summary>
    private static readonly TimeSpan FailedPassWait = TimeSpan.FromMinutes(5);

    public override async Task<string> RunAsync(TaskOrchestrationContext context, MdeCursorCycle input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var pass = new MdePassInput(input.Cnpj, input.Model, input.tpAmb, "pass:" + context.InstanceId, input.Request);
        TimeSpan wait;
        try
        {
            var outcome = await context.CallActivityAsync<MdePassOutcome>(nameof(MdeSyncPassActivity), pass, Retry);
            if (outcome.Gone)
            {
                return "gone";
            }
            wait = outcome.Wait;
        }
        catch (TaskFailedException)
        {
            wait = FailedPassWait;
        }

        MdeSyncRequest? next = null;
        if (wait > TimeSpan.Zero)
        {
            using var cancel = new CancellationTokenSource();
            var timer = context.CreateTimer(context.CurrentUtcDateTime + wait + EarlyTimerPad, cancel.Token);
            var request = context.WaitForExternalEvent<MdeSyncRequest>(SyncNowEvent, cancel.Token);
            if (await Task.WhenAny(timer, request) == request)
            {
                next = request.Result;
            }
            // Cancels whichever is still pending (the timer, or the wait for the event: it stays in the inbox). Synchronous
            // on purpose: CancelAsync runs the callbacks on the thread pool, off the orchestration's own scheduler, and the
            // ContinueAsNew below then lands after the episode ended (the instance stopped, measured).
#pragma warning disable CA1849
            cancel.Cancel();
#pragma warning restore CA1849

        }
        context.ContinueAsNew(input with { Request = next }, preserveUnprocessedEvents: true);
        return "continued";
    }
}
