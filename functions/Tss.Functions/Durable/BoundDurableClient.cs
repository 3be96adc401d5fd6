using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Entities;

namespace Tss.Functions.Durable;

/// <summary>
/// The <see cref="DurableTaskClient"/> the shared services see in the Functions app (the lot, event-batch, delivery and
/// MD-e starters take one from the container, as on the local host). Durable Functions hands a client only to a
/// function invocation (<c>[DurableClient]</c>), so every trigger that may reach a starter binds its client here first
/// (<see cref="Bind"/>) and this one forwards to it. Every bound client talks to the same host and task hub, so the
/// latest one serves all callers.
/// </summary>
public sealed class BoundDurableClient() : DurableTaskClient("bound")
{
    private volatile DurableTaskClient? _current;

    /// <summary>Makes <paramref name="client"/> the one calls are forwarded to.</summary>
    public void Bind(DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (!ReferenceEquals(client, this))
        {
            _current = client;
        }
    }

    /// <summary>True once a trigger bound a client.</summary>
    public bool IsBound => _current is not null;

    private DurableTaskClient Current => _current
        ?? throw new InvalidOperationException("No Durable client is bound yet: a function that starts orchestrations takes a [DurableClient] parameter and binds it first.");

    public override DurableEntityClient Entities => Current.Entities;

    public override Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default) =>
        Current.ScheduleNewOrchestrationInstanceAsync(orchestratorName, input, options, cancellation);

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default) =>
        Current.RaiseEventAsync(instanceId, eventName, eventPayload, cancellation);

    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        Current.WaitForInstanceStartAsync(instanceId, getInputsAndOutputs, cancellation);

    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        Current.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs, cancellation);

    public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default) =>
        Current.TerminateInstanceAsync(instanceId, options, cancellation);

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        Current.SuspendInstanceAsync(instanceId, reason, cancellation);

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        Current.ResumeInstanceAsync(instanceId, reason, cancellation);

    public override Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        Current.GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation);

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) =>
        Current.GetAllInstancesAsync(filter);

    public override Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) =>
        Current.PurgeInstanceAsync(instanceId, options, cancellation);

    public override Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) =>
        Current.PurgeAllInstancesAsync(filter, options, cancellation);

    public override Task<string> RestartAsync(string instanceId, bool restartWithNewInstanceId = false, CancellationToken cancellation = default) =>
        Current.RestartAsync(instanceId, restartWithNewInstanceId, cancellation);

    /// <summary>The bound clients belong to their invocations; nothing of this one's own to release.</summary>
    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
