using System.Security.Cryptography.X509Certificates;
using Tss.Pipeline.Entities;

namespace Tss.Mde.Tests.Integration;

/// <summary>Entities with test-CA certificates, one per CNPJ (the tenant store is not under test here).</summary>
internal sealed class TestEntities : IEntityDirectory
{
    private readonly Dictionary<string, (EntityInfo Entity, X509Certificate2 Certificate)> _byCnpj = new(StringComparer.Ordinal);

    public EntityInfo Add(string cnpj, X509Certificate2 certificate)
    {
        var entity = new EntityInfo("tenant1", cnpj, "SP", 2, "test");
        lock (_byCnpj)
        {
            _byCnpj[cnpj] = (entity, certificate);
        }
        return entity;
    }

    public Task<EntityInfo?> FindAsync(string tenantId, string cnpj, CancellationToken ct)
    {
        lock (_byCnpj)
        {
            return Task.FromResult(tenantId == "tenant1" && _byCnpj.TryGetValue(cnpj, out var e) ? e.Entity : null);
        }
    }

    public Task<X509Certificate2> GetCertificateAsync(EntityInfo entity, CancellationToken ct)
    {
        lock (_byCnpj)
        {
            return Task.FromResult(_byCnpj[entity.Cnpj].Certificate);
        }
    }
}
