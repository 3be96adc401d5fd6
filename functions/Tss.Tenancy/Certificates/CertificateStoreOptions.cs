namespace Tss.Tenancy.Certificates;

/// <summary>
/// The certificate store (section "Certificates"). <see cref="Store"/> chooses it: <see cref="CertificateStoreKind.Blob"/>
/// (default) or <see cref="CertificateStoreKind.KeyVault"/> with <see cref="KeyVaultUri"/>. In the blob store each certificate is encrypted with its own random
/// data key (AES-256-GCM); the data key is wrapped with <see cref="MasterKey"/>. Losing the master key loses the
/// certificates; changing it needs a new <see cref="MasterKeyId"/> (old envelopes name the key that wrapped them).
/// </summary>
public sealed class CertificateStoreOptions
{
    public const string Section = "Certificates";

    /// <summary>Which store holds the certificates.</summary>
    public CertificateStoreKind Store { get; set; } = CertificateStoreKind.Blob;

    /// <summary>The vault (e.g. <c>https://kv-tss-prod.vault.azure.net/</c>); required with <see cref="CertificateStoreKind.KeyVault"/>.</summary>
    public Uri? KeyVaultUri { get; set; }

    /// <summary>
    /// Client id of the user-assigned identity for Key Vault; when empty the storage clients' credential is reused
    /// (<c>Storage:Mode=ManagedIdentity</c>), else <c>DefaultAzureCredential</c> finds one (<c>AZURE_CLIENT_ID</c>, Azure CLI).
    /// </summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>How long a certificate fetched from Key Vault is kept in memory (never past its NotAfter).</summary>
    public TimeSpan KeyVaultCacheTtl { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Retries of a throttled (429, Retry-After honoured) or failed Key Vault request.</summary>
    public int KeyVaultMaxRetries { get; set; } = 5;

    /// <summary>First retry delay of Key Vault requests (exponential; a longer Retry-After wins).</summary>
    public TimeSpan KeyVaultRetryDelay { get; set; } = TimeSpan.FromMilliseconds(800);

    /// <summary>Blob store only: base64 of 32 random bytes (e.g. <c>openssl rand -base64 32</c>). Keep it out of source control in production.</summary>
    public string? MasterKey { get; set; }

    /// <summary>Name of the master key, recorded in every envelope.</summary>
    public string MasterKeyId { get; set; } = "local-1";

    /// <summary>Blob container of the envelopes.</summary>
    public string Container { get; set; } = "certificates";
}
