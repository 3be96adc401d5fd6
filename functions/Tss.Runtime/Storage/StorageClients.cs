using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using Tss.Runtime.Storage.Internal;

namespace Tss.Runtime.Storage;

/// <summary>
/// The three storage service clients of the host, built once with the same retry policy and the transaction
/// counter in every pipeline. Service clients are thread-safe and meant to be shared.
/// </summary>
public sealed class StorageClients
{
    public StorageClients(IOptions<StorageOptions> options, StorageTransactionCounter counter)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(counter);
        var settings = options.Value;
        Counter = counter;

        Mode = settings.Mode;

        if (settings.Mode == StorageMode.ConnectionString)
        {
            var connectionString = settings.ConnectionString;
            // Throw-away clients (no I/O) tell which endpoints the connection string points at, so the counting
            // policy knows the account path to strip (Azurite uses path-style URIs).
            Tables = new TableServiceClient(connectionString,
                Configure(new TableClientOptions(), settings, counter, StorageService.Table, new TableServiceClient(connectionString).Uri));
            Queues = new QueueServiceClient(connectionString,
                Configure(new QueueClientOptions(), settings, counter, StorageService.Queue, new QueueServiceClient(connectionString).Uri));
            Blobs = new BlobServiceClient(connectionString,
                Configure(new BlobClientOptions(), settings, counter, StorageService.Blob, new BlobServiceClient(connectionString).Uri));
        }
        else
        {
            var credentialOptions = StorageCredentials.CreateOptions(settings);
            ManagedIdentityClientId = credentialOptions.ManagedIdentityClientId;
            Credential = new DefaultAzureCredential(credentialOptions);
            var tableUri = settings.ResolveServiceUri(settings.TableServiceUri, "table");
            var queueUri = settings.ResolveServiceUri(settings.QueueServiceUri, "queue");
            var blobUri = settings.ResolveServiceUri(settings.BlobServiceUri, "blob");
            Tables = new TableServiceClient(tableUri, Credential, Configure(new TableClientOptions(), settings, counter, StorageService.Table, tableUri));
            Queues = new QueueServiceClient(queueUri, Credential, Configure(new QueueClientOptions(), settings, counter, StorageService.Queue, queueUri));
            Blobs = new BlobServiceClient(blobUri, Credential, Configure(new BlobClientOptions(), settings, counter, StorageService.Blob, blobUri));
        }
    }

    /// <summary>How these clients authenticate.</summary>
    public StorageMode Mode { get; }

    /// <summary>The token credential of <see cref="StorageMode.ManagedIdentity"/> (a <c>DefaultAzureCredential</c>); null with a connection string.</summary>
    public TokenCredential? Credential { get; }

    /// <summary>The user-assigned identity the credential asks for; null for the default one or with a connection string.</summary>
    public string? ManagedIdentityClientId { get; }

    /// <summary>Table service client.</summary>
    public TableServiceClient Tables { get; }

    /// <summary>Queue service client (message text is sent as is: our messages are small JSON, no base64).</summary>
    public QueueServiceClient Queues { get; }

    /// <summary>Blob service client.</summary>
    public BlobServiceClient Blobs { get; }

    /// <summary>The counter fed by every request these clients send.</summary>
    public StorageTransactionCounter Counter { get; }

    /// <summary>A client for one table.</summary>
    public TableClient GetTable(string tableName) => Tables.GetTableClient(tableName);

    /// <summary>A client for one queue.</summary>
    public QueueClient GetQueue(string queueName) => Queues.GetQueueClient(queueName);

    /// <summary>A client for one blob container.</summary>
    public BlobContainerClient GetContainer(string containerName) => Blobs.GetBlobContainerClient(containerName);

    private static T Configure<T>(T clientOptions, StorageOptions settings, StorageTransactionCounter counter, StorageService service, Uri serviceUri)
        where T : ClientOptions
    {
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.MaxRetries = settings.MaxRetries;
        clientOptions.Retry.Delay = settings.RetryDelay;
        clientOptions.Retry.MaxDelay = settings.MaxRetryDelay;
        clientOptions.Retry.NetworkTimeout = settings.NetworkTimeout;
        // Per retry, not per call: every attempt is a billed transaction.
        clientOptions.AddPolicy(counter.CreatePolicy(service, serviceUri), HttpPipelinePosition.PerRetry);
        return clientOptions;
    }
}
