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
            // Scheduling an active singleton id with dedupe statuses fails loudly instead of being dropped in silence.
            ThrowExceptionOnInvalidDedupeStatus = true,
        };
        return new AzureStorageOrchestrationService(settings);
    }

    private static StorageAccountClientProvider CreateClientProvider(StorageOptions storage, StorageTransactionCounter counter)
    {
        var (tableUri, queueUri, blobUri) = StorageAccount.ServiceUris(storage);
        var blobOptions = StorageAccount.Configure(new BlobClientOptions(), storage, counter, StorageService.Blob, blobUri);
        var queueOptions = StorageAccount.Configure(new QueueClientOptions(), storage, counter, StorageService.Queue, queueUri);
        var tableOptions = StorageAccount.Configure(new TableClientOptions(), storage, counter, StorageService.Table, tableUri);
        if (storage.Mode == StorageMode.ConnectionString)
        {
            var connectionString = storage.ConnectionString
                ?? throw new InvalidOperationException("Storage:ConnectionString is missing (Storage:Mode is ConnectionString).");
            return new StorageAccountClientProvider(
                StorageServiceClientProvider.ForBlob(connectionString, blobOptions),
                StorageServiceClientProvider.ForQueue(connectionString, queueOptions),
                StorageServiceClientProvider.ForTable(connectionString, tableOptions));
        }
        var credential = StorageAccount.CreateCredential(storage);
        return new StorageAccountClientProvider(
            StorageServiceClientProvider.ForBlob(blobUri, credential, blobOptions),
            StorageServiceClientProvider.ForQueue(queueUri, credential, queueOptions),
            StorageServiceClientProvider.ForTable(tableUri, credential, tableOptions));
    }
}
