using DurableTask.Core.Exceptions;
using Grpc.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Tss.Durable;

/// <summary>
/// Singleton orchestrations by instance id. Without dedupe statuses, scheduling an id that is already active is
/// accepted in silence and, depending on timing, either dropped or restarts the instance with the new input (measured on
/// DurableTask.AzureStorage 2.11.2). With <see cref="Options"/> the second schedule fails instead — the gRPC client throws
/// <see cref="OrchestrationAlreadyExistsException"/> (the sidecar answers <see cref="StatusCode.AlreadyExists"/>; see
/// <see cref="IsAlreadyRunning"/>) — and the
/// running instance is untouched.
/// </summary>
public static class DurableSingleton
{
    /// <summary>Start options for <paramref name="instanceId"/> that refuse to start while an instance with that id is pending, running or suspended.</summary>
    public static StartOrchestrationOptions Options(string instanceId, DateTimeOffset? startAt = null) =>
        new StartOrchestrationOptions(instanceId, startAt).WithDedupeStatuses(
            OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended);

    /// <summary>Whether <paramref name="exception"/> is the client's answer to scheduling an id that is already active.</summary>
    public static bool IsAlreadyRunning(Exception? exception) =>
        exception is OrchestrationAlreadyExistsException or RpcException { StatusCode: StatusCode.AlreadyExists };
}
