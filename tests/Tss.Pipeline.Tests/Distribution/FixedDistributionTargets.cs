using Tss.Contracts.Delivery;
using Tss.Pipeline.Distribution;

namespace Tss.Pipeline.Tests.Distribution;

/// <summary>The same targets for every entity (the tenant store implements the contract in the host).</summary>
internal sealed class FixedDistributionTargets : IDistributionTargets
{
    public DistributionTargets Targets { get; set; } = DistributionTargets.None;

    public Task<DistributionTargets> GetAsync(string tenantId, string cnpj, CancellationToken ct) => Task.FromResult(Targets);
}
