using System.Security.Cryptography.X509Certificates;
using Tss.Contracts.Entities;

namespace Tss.Pipeline.Tests.Integration;

/// <summary>One entity with a test-CA certificate (the tenant store arrives with onboarding; storage here is real).</summary>
internal sealed class FixedEntityDirectory(EntityInfo entity, X509Certificate2 certificate) : IEntityDirectory
{
    public Task<EntityInfo?> FindAsync(string tenantId, string cnpj, CancellationToken ct) =>
        Task.FromResult(tenantId == entity.TenantId && cnpj == entity.Cnpj ? entity : null);

    public Task<X509Certificate2> GetCertificateAsync(EntityInfo e, CancellationToken ct) => Task.FromResult(certificate);
}
