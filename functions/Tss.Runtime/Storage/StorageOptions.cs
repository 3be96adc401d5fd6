namespace Tss.Runtime.Storage;

/// <summary>
/// How the host reaches Azure Storage (configuration section <c>Storage</c>). <see cref="Mode"/> is the one switch:
/// <see cref="StorageMode.ConnectionString"/> (Azurite, local development; the default) needs
/// <see cref="ConnectionString"/>; <see cref="StorageMode.ManagedIdentity"/> (Azure) needs <see cref="AccountName"/> or
/// the three service URIs and authenticates with <c>DefaultAzureCredential</c>. Checked when the host starts.
/// </summary>
/// <remarks>
/// The clients are not pinned to a service version: the SDK's default is what Azure serves. Azurite 3.37 accepts it
/// as well, and the test fixture (<c>Tss.Testing.Azurite.AzuriteFixture</c>) starts Azurite with
/// <c>--skipApiVersionCheck</c> so an SDK upgrade ahead of the emulator does not break local runs; start it the same
/// way for a local host.
/// </remarks>
public sealed class StorageOptions
{
    /// <summary>The configuration section bound to these options.</summary>
    public const string SectionName = "Storage";

    /// <summary>How the clients authenticate; see <see cref="StorageMode"/>.</summary>
    public StorageMode Mode { get; set; } = StorageMode.ConnectionString;

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

    /// <summary>
    /// Client id of a user-assigned managed identity (<see cref="StorageMode.ManagedIdentity"/> only); empty for the
    /// system-assigned one or for whatever <c>DefaultAzureCredential</c> finds (<c>AZURE_CLIENT_ID</c>, Azure CLI).
    /// </summary>
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
