using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.DurableTask.Client;

namespace Tss.Testing.Durable;

/// <summary>Helpers for tests that run orchestrations on the local Durable engine (real Azurite).</summary>
public static class DurableTesting
{
    /// <summary>
    /// Waits until the instance reaches a terminal state (completed, failed, terminated) and returns it with its input
    /// and output; fails with the last status seen when <paramref name="timeout"/> passes first.
    /// </summary>
    public static async Task<OrchestrationMetadata> WaitForCompletionAsync(this DurableTaskClient client, string instanceId, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            return await client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, cancellation.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            var last = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, CancellationToken.None).ConfigureAwait(false);
            throw new TimeoutException(
                $"Orchestration '{instanceId}' did not finish within {timeout} (last status: {last?.RuntimeStatus.ToString() ?? "not found"}).");
        }
    }

    /// <summary>
    /// Deletes a task hub's queues (<c>{hub}-control-NN</c>, <c>{hub}-workitems</c>), tables (<c>{hub}History</c>,
    /// <c>{hub}Instances</c>, <c>{hub}Partitions</c>) and blob containers (<c>{hub}-leases</c>, …) so Azurite does not
    /// fill up across tests. Only for a hub no running host uses. Done with the plain storage clients, so test projects
    /// need no Durable backend package.
    /// </summary>
    public static async Task DeleteTaskHubAsync(string connectionString, string taskHub)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(taskHub);
        var prefix = taskHub.ToLowerInvariant() + "-";
        var queues = new QueueServiceClient(connectionString);
        await foreach (var queue in queues.GetQueuesAsync(prefix: prefix).ConfigureAwait(false))
        {
            await queues.DeleteQueueAsync(queue.Name).ConfigureAwait(false);
        }
        var blobs = new BlobServiceClient(connectionString);
        await foreach (var container in blobs.GetBlobContainersAsync(prefix: prefix).ConfigureAwait(false))
        {
            await blobs.DeleteBlobContainerAsync(container.Name).ConfigureAwait(false);
        }
        var tables = new TableServiceClient(connectionString);
        foreach (var table in TableSuffixes.Select(s => taskHub + s))
        {
            await tables.DeleteTableAsync(table).ConfigureAwait(false);
        }
    }

    private static readonly string[] TableSuffixes = ["History", "Instances", "Partitions"];
}
