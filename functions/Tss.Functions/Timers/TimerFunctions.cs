using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.Durable;
using Tss.Functions.Durable;
using Tss.Functions.Hosting;
using Tss.Mde.Cursors;
using Tss.Mde.Sync;

namespace Tss.Functions.Timers;

/// <summary>
/// What the local host does on a loop or at start, on timers: the purge of finished orchestrations' history
/// (storage is the bill) and the re-arming of the MD-e cursor orchestrations (the local host does it at start).
/// </summary>
public sealed class TimerFunctions(
    BoundDurableClient bound, IOptions<DurableOptions> durable, TimeProvider clock, CursorStore cursors, IMdeCursorRunner runner, ILogger<TimerFunctions> logger)
{
    private static readonly OrchestrationRuntimeStatus[] Finished =
        [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];

    /// <summary>Every hour: completed, failed and terminated instances created more than Durable:PurgeCompletedAfter ago lose their history.</summary>
    [Function("PurgeOrchestrationHistory")]
    public async Task PurgeHistory([TimerTrigger("0 17 * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        var createdBefore = clock.GetUtcNow() - durable.Value.PurgeCompletedAfter;
        var result = await client.PurgeAllInstancesAsync(new PurgeInstancesFilter(CreatedFrom: null, CreatedTo: createdBefore, Statuses: Finished), ct)
            .ConfigureAwait(false);
        if (result.PurgedInstanceCount > 0)
        {
            Log.Purged(logger, result.PurgedInstanceCount, createdBefore);
        }
    }

    /// <summary>Every hour: each MD-e cursor's eternal orchestration is started again if it is not running (a no-op when it is).</summary>
    [Function("RearmMdeCursors")]
    public async Task RearmMdeCursors([TimerTrigger("0 5 * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        bound.Bind(client);
        var ensured = 0;
        await foreach (var cursor in cursors.AllAsync(ct).ConfigureAwait(false))
        {
            await runner.EnsureRunningAsync(cursor.Cnpj, cursor.Model, cursor.tpAmb, ct).ConfigureAwait(false);
            ensured++;
        }
        if (ensured > 0)
        {
            Log.Rearmed(logger, ensured);
        }
    }
}
