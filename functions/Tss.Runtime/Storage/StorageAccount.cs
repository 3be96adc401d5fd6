using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Tss.Runtime.Storage.Internal;

namespace Tss.Runtime.Storage;

/// <summary>
/// How any client of the product's storage account is built — endpoints, credential, retry policy and the transaction
/// counter in the pipeline — so the host's clients (<see cref="StorageClients"/>) and the Durable backend's are the same.
/// </summary>
public static class StorageAccount
{
    /// <summary>The table, queue and blob endpoints <paramref name="settings"/> point at.</summary>
    public static (Uri Table, Uri Queue, Uri Blob) ServiceUris(StorageOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Mode == StorageMode.ConnectionString)
        {
            // Throw-away clients (no I/O) tell which endpoints the connection string points at, so the counting
            // policy knows the account path to strip (Azurite uses path-style URIs).
            var connectionString = settings.ConnectionString;
            return (new TableServiceClient(connectionString).Uri, new QueueServiceClient(connectionString).Uri, new BlobServiceClient(connectionString).Uri);
        }
        return (settings.ResolveServiceUri(settings.TableServiceUri, "table"), settings.ResolveServiceUri(settings.QueueServiceUri, "queue"),
            settings.ResolveServiceUri(settings.BlobServiceUri, "blob"));
    }

    /// <summary>The token credential of <see cref="StorageMode.ManagedIdentity"/> (a <c>DefaultAzureCredential</c> for the configured identity).</summary>
    public static TokenCredential CreateCredential(StorageOptions settings) => new DefaultAzureCredential(StorageCredentials.CreateOptions(settings));

    /// <summary>Applies the retry settings and adds the counting policy of <paramref name="counter"/> to <paramref name="clientOptions"/>.</summary>
    public static T Configure<T>(T clientOptions, StorageOptions settings, StorageTransactionCounter counter, StorageService service, Uri serviceUri)
        where T : ClientOptions
    {
        ArgumentNullException.ThrowIfNull(clientOptions);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(counter);
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
