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

        var (tableUri, queueUri, blobUri) = StorageAccount.ServiceUris(settings);
        if (settings.Mode == StorageMode.ConnectionString)
        {
            var connectionString = settings.ConnectionString;
            Tables = new TableServiceClient(connectionString, StorageAccount.Configure(new TableClientOptions(), settings, counter, StorageService.Table, tableUri));
            Queues = new QueueServiceClient(connectionString, StorageAccount.Configure(new QueueClientOptions(), settings, counter, StorageService.Queue, queueUri));
            Blobs = new BlobServiceClient(connectionString, StorageAccount.Configure(new BlobClientOptions(), settings, counter, StorageService.Blob, blobUri));
        }
        else
        {
            ManagedIdentityClientId = StorageCredentials.CreateOptions(settings).ManagedIdentityClientId;
            Credential = StorageAccount.CreateCredential(settings);
            Tables = new TableServiceClient(tableUri, Credential, StorageAccount.Configure(new TableClientOptions(), settings, counter, StorageService.Table, tableUri));
            Queues = new QueueServiceClient(queueUri, Credential, StorageAccount.Configure(new QueueClientOptions(), settings, counter, StorageService.Queue, queueUri));
            Blobs = new BlobServiceClient(blobUri, Credential, StorageAccount.Configure(new BlobClientOptions(), settings, counter, StorageService.Blob, blobUri));
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
}
