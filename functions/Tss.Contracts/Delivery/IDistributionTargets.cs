namespace Tss.Contracts.Delivery;

/// <summary>Where a tenant wants the final outcome of an entity's documents delivered (implemented by the tenant store).</summary>
public interface IDistributionTargets
{
    /// <summary>The targets of <paramref name="cnpj"/> of <paramref name="tenantId"/>; <see cref="DistributionTargets.None"/> when nothing is configured.</summary>
    Task<DistributionTargets> GetAsync(string tenantId, string cnpj, CancellationToken ct);
}
