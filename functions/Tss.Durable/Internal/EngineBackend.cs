using DurableTask.AzureStorage;
using DurableTask.Core;
using DurableTask.Core.Query;

namespace Tss.Durable.Internal;

/// <summary>
/// The backend as the sidecar sees it: every call goes to the DurableTask.AzureStorage service, except its lifecycle.
/// The sidecar starts the backend when the worker connects (once, never after the engine stopped) and would stop it
/// from a fire-and-forget callback after waiting up to an hour for outstanding work; a throw there (a second stop, a
/// stop of a never-started service) ends the process. The engine stops the backend itself, bounded, so the sidecar's
/// stop is a no-op here.
/// </summary>
internal sealed class EngineBackend(AzureStorageOrchestrationService inner)
    : IOrchestrationService, IOrchestrationServiceClient, IOrchestrationServiceQueryClient, IOrchestrationServicePurgeClient
{
    private readonly Lock gate = new();
    private Task? started;
    private bool stopped;

    public AzureStorageOrchestrationService Inner => inner;

    public Task StartAsync()
    {
        lock (gate)
        {
            if (stopped)
            {
                return Task.CompletedTask;
            }
            return started ??= inner.StartAsync();
        }
    }

    /// <summary>The engine's stop: once, forced (no wait for the partition leases to drain), only if started.</summary>
    public async Task StopEngineAsync()
    {
        Task? running;
        lock (gate)
        {
            if (stopped)
            {
                return;
            }
            stopped = true;
            running = started;
        }
        if (running is null)
        {
            return;
        }
        try
        {
            await running.ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return; // Never started: nothing to stop.
        }
        await inner.StopAsync(isForced: true).ConfigureAwait(false);
    }

    public Task StopAsync() => Task.CompletedTask;

    public Task StopAsync(bool isForced) => Task.CompletedTask;

    public Task CreateAsync() => inner.CreateAsync();

    public Task CreateAsync(bool recreateInstanceStore) => inner.CreateAsync(recreateInstanceStore);

    public Task CreateIfNotExistsAsync() => inner.CreateIfNotExistsAsync();

    public Task DeleteAsync() => inner.DeleteAsync();

    public Task DeleteAsync(bool deleteInstanceStore) => inner.DeleteAsync(deleteInstanceStore);

    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) =>
        inner.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);

    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => inner.GetDelayInSecondsAfterOnProcessException(exception);

    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => inner.GetDelayInSecondsAfterOnFetchException(exception);

    public int TaskOrchestrationDispatcherCount => inner.TaskOrchestrationDispatcherCount;

    public int MaxConcurrentTaskOrchestrationWorkItems => inner.MaxConcurrentTaskOrchestrationWorkItems;

    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => inner.EventBehaviourForContinueAsNew;

    public Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        inner.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);

    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) => inner.RenewTaskOrchestrationWorkItemLockAsync(workItem);

    public Task CompleteTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem, OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages, IList<TaskMessage> orchestratorMessages, IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage, OrchestrationState orchestrationState) =>
        inner.CompleteTaskOrchestrationWorkItemAsync(workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages,
            timerMessages, continuedAsNewMessage, orchestrationState);

    public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => inner.AbandonTaskOrchestrationWorkItemAsync(workItem);

    public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => inner.ReleaseTaskOrchestrationWorkItemAsync(workItem);

    public int TaskActivityDispatcherCount => inner.TaskActivityDispatcherCount;

    public int MaxConcurrentTaskActivityWorkItems => inner.MaxConcurrentTaskActivityWorkItems;

    public Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        inner.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);

    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) => inner.RenewTaskActivityWorkItemLockAsync(workItem);

    public Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage) =>
        inner.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);

    public Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem) => inner.AbandonTaskActivityWorkItemAsync(workItem);

    public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage) => inner.CreateTaskOrchestrationAsync(creationMessage);

    public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage, OrchestrationStatus[] dedupeStatuses) =>
        inner.CreateTaskOrchestrationAsync(creationMessage, dedupeStatuses);

    public Task SendTaskOrchestrationMessageAsync(TaskMessage message) => inner.SendTaskOrchestrationMessageAsync(message);

    public Task SendTaskOrchestrationMessageBatchAsync(params TaskMessage[] messages) => inner.SendTaskOrchestrationMessageBatchAsync(messages);

    public Task<OrchestrationState?> WaitForOrchestrationAsync(string instanceId, string executionId, TimeSpan timeout, CancellationToken cancellationToken) =>
        inner.WaitForOrchestrationAsync(instanceId, executionId, timeout, cancellationToken);

    public Task ForceTerminateTaskOrchestrationAsync(string instanceId, string reason) => inner.ForceTerminateTaskOrchestrationAsync(instanceId, reason);

    public Task<IList<OrchestrationState>> GetOrchestrationStateAsync(string instanceId, bool allExecutions) =>
        inner.GetOrchestrationStateAsync(instanceId, allExecutions);

    public Task<OrchestrationState> GetOrchestrationStateAsync(string instanceId, string executionId) =>
        inner.GetOrchestrationStateAsync(instanceId, executionId);

    public Task<string> GetOrchestrationHistoryAsync(string instanceId, string executionId) => inner.GetOrchestrationHistoryAsync(instanceId, executionId);

    public Task PurgeOrchestrationHistoryAsync(DateTime thresholdDateTimeUtc, OrchestrationStateTimeRangeFilterType timeRangeFilterType) =>
        inner.PurgeOrchestrationHistoryAsync(thresholdDateTimeUtc, timeRangeFilterType);

    public Task<OrchestrationQueryResult> GetOrchestrationWithQueryAsync(OrchestrationQuery query, CancellationToken cancellationToken) =>
        ((IOrchestrationServiceQueryClient)inner).GetOrchestrationWithQueryAsync(query, cancellationToken);

    public Task<PurgeResult> PurgeInstanceStateAsync(string instanceId) => ((IOrchestrationServicePurgeClient)inner).PurgeInstanceStateAsync(instanceId);

    public Task<PurgeResult> PurgeInstanceStateAsync(PurgeInstanceFilter purgeInstanceFilter) =>
        ((IOrchestrationServicePurgeClient)inner).PurgeInstanceStateAsync(purgeInstanceFilter);
}
