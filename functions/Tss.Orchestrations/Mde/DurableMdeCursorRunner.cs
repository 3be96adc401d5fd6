using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Tss.Mde.Sync;
using Tss.Orchestrations.Delivery;

namespace Tss.Orchestrations.Mde;

/// <summary>
/// Starts each cursor's <see cref="MdeCursorOrchestrator"/> under an id derived from CNPJ, model and tpAmb, with dedupe
/// (pending, running or suspended: already running, the start is a no-op), and raises "sync now" on it.
/// </summary>
public sealed partial class DurableMdeCursorRunner(DurableTaskClient client, ILogger<DurableMdeCursorRunner> logger) : IMdeCursorRunner
{
    private static readonly OrchestrationRuntimeStatus[] Running =
        [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended];

    /// <summary>"mde:{cnpj}:{model}:{tpAmb}" (digits only, so safe for the backend's table keys and blob names).</summary>
    public static string InstanceIdFor(string cnpj, int model, int tpAmb)
    {
        ArgumentException.ThrowIfNullOrEmpty(cnpj);
        if (!cnpj.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("A CNPJ is digits only.", nameof(cnpj));
        }
        return $"mde:{cnpj}:{model}:{tpAmb}";
    }

    public async Task EnsureRunningAsync(string cnpj, int model, int tpAmb, CancellationToken ct) =>
        await StartAsync(new MdeCursorCycle(cnpj, model, tpAmb), ct).ConfigureAwait(false);

    public async Task<bool> RequestSyncAsync(string cnpj, int model, int tpAmb, MdeSyncRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Not running (first use, or ended with no one to sync): the request starts it and its first pass answers.
        if (await StartAsync(new MdeCursorCycle(cnpj, model, tpAmb, request), ct).ConfigureAwait(false))
        {
            return true;
        }
        await client.RaiseEventAsync(InstanceIdFor(cnpj, model, tpAmb), MdeCursorOrchestrator.SyncNowEvent, request, ct).ConfigureAwait(false);
        return true;
    }

    /// <summary>True when this call started the instance; false when it was already running.</summary>
    private async Task<bool> StartAsync(MdeCursorCycle cycle, CancellationToken ct)
    {
        var id = InstanceIdFor(cycle.Cnpj, cycle.Model, cycle.tpAmb);
        var options = new StartOrchestrationOptions(id).WithDedupeStatuses(Running);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(MdeCursorOrchestrator), cycle, options, ct).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (DurableDeliveryRetries.AlreadyExists(e))
        {
            Log.MdeAlreadyRunning(logger, id);
            return false;
        }
    }
}
