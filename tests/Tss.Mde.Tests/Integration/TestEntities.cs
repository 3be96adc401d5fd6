using System.Security.Cryptography.X509Certificates;
using Tss.Contracts.Entities;

namespace Tss.Mde.Tests.Integration;

/// <summary>Entities with test-CA certificates, one per tenant and CNPJ (the tenant store is not under test here).</summary>
internal sealed class TestEntities : IEntityDirectory
{
    private readonly Dictionary<string, (EntityInfo Entity, X509Certificate2 Certificate)> _byKey = new(StringComparer.Ordinal);

    public EntityInfo Add(string cnpj, X509Certificate2 certificate, string tenantId = "tenant1")
    {
        var entity = new EntityInfo(tenantId, cnpj, "SP", 2, "test");
        lock (_byKey)
        {
            _byKey[tenantId + "|" + cnpj] = (entity, certificate);
        }
        return entity;
    }

    public Task<EntityInfo?> FindAsync(string tenantId, string cnpj, CancellationToken ct)
    {
        lock (_byKey)
        {
            return Task.FromResult(_byKey.TryGetValue(tenantId + "|" + cnpj, out var e) ? e.Entity : null);
        }
    }

    public Task<X509Certificate2> GetCertificateAsync(EntityInfo entity, CancellationToken ct)
    {
        lock (_byKey)
        {
            return Task.FromResult(_byKey[entity.TenantId + "|" + entity.Cnpj].Certificate);
        }
    }
}
