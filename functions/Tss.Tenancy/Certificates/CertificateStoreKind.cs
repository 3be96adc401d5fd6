namespace Tss.Tenancy.Certificates;

/// <summary>Which certificate store the host uses (configuration <c>Certificates:Store</c>).</summary>
public enum CertificateStoreKind
{
    /// <summary>The encrypted store on blob storage (<c>blob:</c> references); the local default.</summary>
    Blob,

    /// <summary>Azure Key Vault (<c>kv:</c> references) through <c>DefaultAzureCredential</c>; the Azure deployment's store.</summary>
    KeyVault,
}
