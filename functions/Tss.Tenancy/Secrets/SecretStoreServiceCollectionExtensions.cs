using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Tss.Tenancy.Certificates;
using Tss.Tenancy.Secrets.Internal;
using Tss.Tenancy.Secrets.KeyVault;

namespace Tss.Tenancy.Secrets;

/// <summary>
/// Registers the secret store beside the certificate store: <c>Certificates:Store</c> chooses both (Blob: the encrypted
/// envelopes with the same master key; KeyVault: the same vault, clients and identity).
/// </summary>
internal static class SecretStoreServiceCollectionExtensions
{
    public static IServiceCollection AddTssSecretStore(this IServiceCollection services)
    {
        services.TryAddSingleton<ISecretStore>(sp =>
            sp.GetRequiredService<IOptions<CertificateStoreOptions>>().Value.Store == CertificateStoreKind.KeyVault
                ? ActivatorUtilities.CreateInstance<KeyVaultSecretStore>(sp)
                : ActivatorUtilities.CreateInstance<BlobSecretStore>(sp));
        services.TryAddSingleton<EntitySecretMigration>();
        return services;
    }
}
