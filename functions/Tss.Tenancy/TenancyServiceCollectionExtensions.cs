using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Tss.Contracts.Delivery;
using Tss.Contracts.Entities;
using Tss.Runtime.Storage;
using Tss.Tenancy.ApiKeys;
using Tss.Tenancy.Certificates;
using Tss.Tenancy.Certificates.Internal;
using Tss.Tenancy.Certificates.KeyVault;
using Tss.Tenancy.Credits;
using Tss.Tenancy.Entities;
using Tss.Tenancy.Secrets;
using Tss.Trust;

namespace Tss.Tenancy;

/// <summary>Registers the tenant store.</summary>
public static class TenancyServiceCollectionExtensions
{
    /// <summary>
    /// Adds tenants, API keys, entities, the certificate store <c>Certificates:Store</c> names — the encrypted blob
    /// store (default) or Azure Key Vault — (unless another
    /// <see cref="ICertificateStore"/> is registered first) and <see cref="TenantDirectory"/> as the pipeline's
    /// <see cref="IEntityDirectory"/> and <see cref="IDistributionTargets"/>. Options: sections "Tenancy" and
    /// "Certificates" (the master key is checked when the host starts), "Certificates:TrustAnchors" (the anchors uploads
    /// must chain to, <see cref="TrustAnchorOptions"/>); and the credits (<see cref="CreditsServiceCollectionExtensions.AddTssCredits"/>).
    /// </summary>
    public static IServiceCollection AddTssTenancy(this IServiceCollection services)
    {
        services.AddTssStorage();
        services.AddOptions<TenancyOptions>().BindConfiguration(TenancyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CertificateStoreOptions>().BindConfiguration(CertificateStoreOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CertificateStoreOptions>, CertificateStoreOptionsValidator>());
        services.TryAddSingleton(sp => sp.GetRequiredService<StorageClients>().Tables);
        services.TryAddSingleton(sp => sp.GetRequiredService<StorageClients>().Blobs);
        services.AddTssTrust();
        services.TryAddSingleton<CertificateUploadValidator>();
        services.AddTssCertificateStore();
        services.AddTssSecretStore();
        services.TryAddSingleton<TenantDirectory>();
        services.TryAddSingleton<IEntityDirectory>(sp => sp.GetRequiredService<TenantDirectory>());
        services.AddSingleton<IEntitiesByCnpj>(sp => sp.GetRequiredService<TenantDirectory>());
        services.TryAddSingleton<IDistributionTargets>(sp => sp.GetRequiredService<TenantDirectory>());
        services.TryAddSingleton<ApiKeyVerifier>();
        services.TryAddSingleton<TenancyAdmin>();
        services.TryAddSingleton<TenancyStorage>();
        services.AddTssCredits();
        return services;
    }
}
