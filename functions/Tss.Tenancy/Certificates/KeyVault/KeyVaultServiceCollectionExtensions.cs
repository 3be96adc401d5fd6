using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Tss.Runtime.Storage;
using Tss.Tenancy.Certificates.Internal;

namespace Tss.Tenancy.Certificates.KeyVault;

/// <summary>Registers the certificate store <c>Certificates:Store</c> names (validated at start with the rest of the section).</summary>
internal static class KeyVaultServiceCollectionExtensions
{
    public static IServiceCollection AddTssCertificateStore(this IServiceCollection services)
    {
        services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<CertificateStoreOptions>>().Value;
            return KeyVaultClients.Create(o.KeyVaultUri!, Credential(sp, o), o.KeyVaultMaxRetries, o.KeyVaultRetryDelay);
        });
        services.TryAddSingleton<ICertificateStore>(sp =>
            sp.GetRequiredService<IOptions<CertificateStoreOptions>>().Value.Store == CertificateStoreKind.KeyVault
                ? ActivatorUtilities.CreateInstance<KeyVaultCertificateStore>(sp)
                : ActivatorUtilities.CreateInstance<BlobCertificateStore>(sp));
        return services;
    }

    private static TokenCredential Credential(IServiceProvider sp, CertificateStoreOptions o)
    {
        if (!string.IsNullOrWhiteSpace(o.ManagedIdentityClientId))
        {
            return new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = o.ManagedIdentityClientId.Trim() });
        }
        // One identity for the host: reuse the storage clients' credential (and its token cache) when there is one.
        return sp.GetRequiredService<StorageClients>().Credential ?? new DefaultAzureCredential();
    }
}
