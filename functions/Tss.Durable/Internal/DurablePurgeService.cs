using DurableTask.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Tss.Durable.Internal;

/// <summary>
/// Deletes the history and instance rows of completed, failed and terminated instances created more than
/// <see cref="DurableOptions.PurgeCompletedAfter"/> ago, every <see cref="DurableOptions.PurgeInterval"/>: storage is the
/// bill, and nothing reads a finished instance's history once its effects are written.
/// </summary>
internal sealed class DurablePurgeService(
    DurableSidecar sidecar, IOptions<DurableOptions> options, TimeProvider clock, ILogger<DurablePurgeService> logger) : BackgroundService
{
    private static readonly OrchestrationStatus[] Finished =
        [OrchestrationStatus.Completed, OrchestrationStatus.Failed, OrchestrationStatus.Terminated];

    // Instance rows keep their creation time; nothing of ours predates this.
    private static readonly DateTime Epoch = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.PurgeInterval <= TimeSpan.Zero)
        {
            return;
        }
        try
        {
            await sidecar.Port.WaitAsync(stoppingToken).ConfigureAwait(false);
            using var timer = new PeriodicTimer(settings.PurgeInterval, clock);
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await PurgeOnceAsync(settings.PurgeCompletedAfter, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping.
        }
        catch (ObjectDisposedException)
        {
            // The engine stopped first.
        }
    }

    private async Task PurgeOnceAsync(TimeSpan age, CancellationToken cancellationToken)
    {
        var createdBefore = clock.GetUtcNow().UtcDateTime - age;
        try
        {
            var result = await sidecar.Backend.PurgeInstanceHistoryAsync(Epoch, createdBefore, Finished)
                .WaitAsync(cancellationToken).ConfigureAwait(false);
            if (result.InstancesDeleted > 0)
            {
                Log.Purged(logger, result.InstancesDeleted, createdBefore);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.PurgeFailed(logger, exception);
        }
    }
}
