using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.Pipeline.Lots;

namespace Tss.Orchestrations.Lots;

/// <summary>
/// Starts a lot's orchestration under an instance id derived from the lot, so the id is the singleton: a second
/// start of the same lot (the assembler's recovery of a lot whose start it cannot confirm) finds it and does nothing.
/// The lot's input carries the configured <see cref="LotRecovery"/> (<see cref="LotRecoveryOptions"/>).
/// </summary>
public sealed partial class DurableLotStarter(DurableTaskClient client, IOptions<LotRecoveryOptions> recovery, ILogger<DurableLotStarter> logger) : ILotStarter
{
    /// <summary>Every status: an instance that exists in any state is never replaced (a closed lot is not run twice).</summary>
    private static readonly OrchestrationRuntimeStatus[] AnyStatus = Enum.GetValues<OrchestrationRuntimeStatus>();

    public async Task StartAsync(string partition, string lotId, CancellationToken ct)
    {
        var options = new StartOrchestrationOptions(InstanceIdFor(partition, lotId)).WithDedupeStatuses(AnyStatus);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(LotOrchestrator), new LotInput(partition, lotId, Recovery: recovery.Value.ToRecovery()), options, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // "Already exists" is backend-specific on the wire (the gRPC sidecar answers RpcException with status
            // AlreadyExists for an id in a dedupe status): ask the store instead, and rethrow anything else.
            if (await client.GetInstanceAsync(options.InstanceId!, getInputsAndOutputs: false, ct).ConfigureAwait(false) is null)
            {
                throw;
            }
            Log.LotAlreadyStarted(logger, lotId, partition);
        }
    }

    /// <summary>
    /// "lot:{partition}:{lot row key}", each part percent-escaped (RFC 3986 unreserved characters kept), so the id is
    /// injective and free of the characters the Azure Storage backend cannot hold in table keys and blob paths
    /// ('/', '\', '#', '?', control characters) — partitions hold '|'.
    /// </summary>
    public static string InstanceIdFor(string partition, string lotId)
    {
        ArgumentException.ThrowIfNullOrEmpty(partition);
        ArgumentException.ThrowIfNullOrEmpty(lotId);
        return $"lot:{Uri.EscapeDataString(partition)}:{Uri.EscapeDataString(lotId)}";
    }
}
