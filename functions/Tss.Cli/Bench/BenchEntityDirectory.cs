using System.Security.Cryptography.X509Certificates;
using Tss.Pipeline.Entities;

namespace Tss.Cli.Bench;

/// <summary>The benchmark's entities, each with a test-CA certificate (in-process mode, no tenant store).</summary>
internal sealed class BenchEntityDirectory(IReadOnlyDictionary<string, (EntityInfo Entity, X509Certificate2 Certificate)> entities) : IEntityDirectory
{
    public Task<EntityInfo?> FindAsync(string tenantId, string cnpj, CancellationToken ct) =>
        Task.FromResult(entities.TryGetValue(cnpj, out var e) && e.Entity.TenantId == tenantId ? e.Entity : null);

    public Task<X509Certificate2> GetCertificateAsync(EntityInfo entity, CancellationToken ct) => Task.FromResult(entities[entity.Cnpj].Certificate);
}
