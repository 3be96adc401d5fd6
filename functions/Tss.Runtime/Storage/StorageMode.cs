namespace Tss.Runtime.Storage;

/// <summary>How the storage clients authenticate (configuration <c>Storage:Mode</c>): the one switch between local and Azure.</summary>
public enum StorageMode
{
    /// <summary>A connection string with the account key (Azurite, local development). The default.</summary>
    ConnectionString,

    /// <summary>Service endpoint URIs and <c>DefaultAzureCredential</c> (the managed identity in Azure); no key anywhere.</summary>
    ManagedIdentity,
}
