using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using DurableTask.AzureStorage;
using Microsoft.Extensions.Logging;
using Tss.Runtime.Storage;

namespace Tss.Durable.Internal;

/// <summary>
/// Builds the DurableTask.AzureStorage orchestration service on the product's storage account (connection string for
/// Azurite, managed identity in Azure), with the retry settings of <see cref="StorageOptions"/> and every request
/// counted on <see cref="DurableStorageTransactions"/>.
/// </summary>
internal static class DurableBackendFactory
{
    public static AzureStorageOrchestrationService Create(
        DurableOptions durable, StorageOptions storage, DurableStorageTransactions transactions, ILoggerFactory loggerFactory)
    {
        var settings = new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = durable.TaskHub,
            PartitionCount = durable.PartitionCount,
            MaxQueuePollingInterval = durable.MaxQueuePollingInterval,
            WorkItemQueueVisibilityTimeout = durable.WorkItemQueueVisibilityTimeout,
            ControlQueueVisibilityTimeout = durable.ControlQueueVisibilityTimeout,
            MaxConcurrentTaskActivityWorkItems = durable.MaxConcurrentActivities,
            MaxConcurrentTaskOrchestrationWorkItems = durable.MaxConcurrentOrchestrations,
            StorageAccountClientProvider = CreateClientProvider(storage, transactions.Counter),
            LoggerFactory = loggerFactory,
        };
        return new AzureStorageOrchestrationService(settings);
    }

    private static StorageAccountClientProvider CreateClientProvider(StorageOptions storage, StorageTransactionCounter counter)
    {
        if (storage.Mode == StorageMode.ConnectionString)
        {
            var connectionString = storage.ConnectionString
                ?? throw new InvalidOperationException("Storage:ConnectionString is missing (Storage:Mode is ConnectionString).");
            // Throw-away clients (no I/O) give the endpoints, so the counting policy strips Azurite's account path.
            return new StorageAccountClientProvider(
                StorageServiceClientProvider.ForBlob(connectionString,
                    Configure(new BlobClientOptions(), storage, counter, StorageService.Blob, new BlobServiceClient(connectionString).Uri)),
                StorageServiceClientProvider.ForQueue(connectionString,
                    Configure(new QueueClientOptions(), storage, counter, StorageService.Queue, new QueueServiceClient(connectionString).Uri)),
                StorageServiceClientProvider.ForTable(connectionString,
                    Configure(new TableClientOptions(), storage, counter, StorageService.Table, new TableServiceClient(connectionString).Uri)));
        }

        var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = string.IsNullOrWhiteSpace(storage.ManagedIdentityClientId) ? null : storage.ManagedIdentityClientId.Trim(),
        });
        var blobUri = storage.BlobServiceUri ?? AccountUri(storage, "blob");
        var queueUri = storage.QueueServiceUri ?? AccountUri(storage, "queue");
        var tableUri = storage.TableServiceUri ?? AccountUri(storage, "table");
        return new StorageAccountClientProvider(
            StorageServiceClientProvider.ForBlob(blobUri, credential,
                Configure(new BlobClientOptions(), storage, counter, StorageService.Blob, blobUri)),
            StorageServiceClientProvider.ForQueue(queueUri, credential,
                Configure(new QueueClientOptions(), storage, counter, StorageService.Queue, queueUri)),
            StorageServiceClientProvider.ForTable(tableUri, credential,
                Configure(new TableClientOptions(), storage, counter, StorageService.Table, tableUri)));
    }

    private static Uri AccountUri(StorageOptions storage, string service) =>
        string.IsNullOrWhiteSpace(storage.AccountName)
            ? throw new InvalidOperationException($"Storage:AccountName or Storage:{char.ToUpperInvariant(service[0])}{service[1..]}ServiceUri is missing (Storage:Mode is ManagedIdentity).")
            : new Uri($"https://{storage.AccountName}.{service}.core.windows.net/");

    private static T Configure<T>(T options, StorageOptions storage, StorageTransactionCounter counter, StorageService service, Uri serviceUri)
        where T : ClientOptions
    {
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = storage.MaxRetries;
        options.Retry.Delay = storage.RetryDelay;
        options.Retry.MaxDelay = storage.MaxRetryDelay;
        options.Retry.NetworkTimeout = storage.NetworkTimeout;
        // Per retry: every attempt is a billed transaction.
        options.AddPolicy(counter.CreatePolicy(service, serviceUri), HttpPipelinePosition.PerRetry);
        return options;
    }
}
