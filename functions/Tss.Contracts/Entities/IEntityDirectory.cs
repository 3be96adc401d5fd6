using System.Security.Cryptography.X509Certificates;

namespace Tss.Contracts.Entities;

/// <summary>Looks up a tenant's entities and their signing certificates (cached by the implementation).</summary>
public interface IEntityDirectory
{
    /// <summary>The entity of <paramref name="tenantId"/> with this CNPJ, or null when the tenant has none.</summary>
    Task<EntityInfo?> FindAsync(string tenantId, string cnpj, CancellationToken ct);

    /// <summary>The entity's certificate with its private key (for signing and as TLS client certificate).</summary>
    Task<X509Certificate2> GetCertificateAsync(EntityInfo entity, CancellationToken ct);
}
