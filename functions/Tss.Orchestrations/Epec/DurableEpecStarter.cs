using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Tss.Orchestrations.Delivery;
using Tss.Pipeline.Epec;

namespace Tss.Orchestrations.Epec;

/// <summary>
/// Starts a document's EPEC orchestration under an instance id derived from its key, so a second start while it is
/// pending or running is refused by the backend and ignored here; a finished one may start again, and then finds the
/// EPEC answered and ends.
/// </summary>
public sealed class DurableEpecStarter(DurableTaskClient client, ILogger<DurableEpecStarter> logger) : IEpecStarter
{
    private static readonly OrchestrationRuntimeStatus[] Active =
        [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended];

    public async Task StartAsync(string partition, string chNFe, CancellationToken ct)
    {
        var options = new StartOrchestrationOptions(InstanceIdFor(chNFe)).WithDedupeStatuses(Active);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(EpecOrchestrator), new EpecInput(partition, chNFe), options, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (DurableDeliveryRetries.AlreadyExists(e))
        {
            Log.EpecAlreadyRunning(logger, chNFe);
        }
    }

    /// <summary>"epec:{chNFe}" (44 digits: nothing to escape).</summary>
    public static string InstanceIdFor(string chNFe)
    {
        ArgumentException.ThrowIfNullOrEmpty(chNFe);
        return "epec:" + Uri.EscapeDataString(chNFe);
    }
}
