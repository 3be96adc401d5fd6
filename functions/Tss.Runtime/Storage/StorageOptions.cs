namespace Tss.Runtime.Storage;

/// <summary>
/// How the host reaches Azure Storage (configuration section <c>Storage</c>). Either a connection string (Azurite,
/// local development) or an account reached with managed identity through <c>DefaultAzureCredential</c>; exactly
/// one of the two, checked when the host starts.
/// </summary>
/// <remarks>
/// The clients are not pinned to a service version: the SDK's default is what Azure serves. Azurite 3.37 accepts it
/// as well, and the test fixture and <c>./tss up</c> start Azurite with <c>--skipApiVersionCheck</c> so an SDK
/// upgrade ahead of the emulator does not break local runs.
/// </remarks>
public sealed class StorageOptions
{
    /// <summary>The configuration section bound to these options.</summary>
    public const string SectionName = "Storage";

    /// <summary>Connection string (for Azurite: <c>UseDevelopmentStorage=true</c> or an explicit endpoint string).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Storage account name; the public-cloud service URIs are derived from it unless given explicitly.</summary>
    public string? AccountName { get; set; }

    /// <summary>Table service URI (overrides the one derived from <see cref="AccountName"/>).</summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>Queue service URI (overrides the one derived from <see cref="AccountName"/>).</summary>
    public Uri? QueueServiceUri { get; set; }

    /// <summary>Blob service URI (overrides the one derived from <see cref="AccountName"/>).</summary>
    public Uri? BlobServiceUri { get; set; }

    /// <summary>Authenticate with <c>DefaultAzureCredential</c> (managed identity in Azure). Required with an account name.</summary>
    public bool UseManagedIdentity { get; set; }

    /// <summary>Client id of a user-assigned managed identity; empty for the system-assigned one.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Retries of a failed request (throttling, 5xx, network) before the SDK gives up.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First retry delay; doubles on each retry up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Upper bound of the retry delay.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Timeout of one HTTP request (storage calls are short; no long polling is used).</summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(30);

    internal bool UsesConnectionString => !string.IsNullOrWhiteSpace(ConnectionString);

    internal bool UsesAccount =>
        !string.IsNullOrWhiteSpace(AccountName) || TableServiceUri is not null || QueueServiceUri is not null || BlobServiceUri is not null;

    internal Uri ResolveServiceUri(Uri? explicitUri, string service) =>
        explicitUri ?? new Uri($"https://{AccountName}.{service}.core.windows.net/");
}
