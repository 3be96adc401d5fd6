namespace Tss.Contracts.Delivery;

/// <summary>The default until the host registers the tenant store: nobody is notified; outcomes stay available for polling.</summary>
public sealed class NoDistributionTargets : IDistributionTargets
{
    public Task<DistributionTargets> GetAsync(string tenantId, string cnpj, CancellationToken ct) => Task.FromResult(DistributionTargets.None);
}
