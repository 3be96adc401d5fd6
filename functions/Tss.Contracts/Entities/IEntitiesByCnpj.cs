namespace Tss.Contracts.Entities;

/// <summary>
/// Every tenant's entity with one CNPJ. SEFAZ sees a company, not our tenants: services that talk to SEFAZ on the
/// company's behalf (MD-e's DistribuicaoDFe) share one state per CNPJ and deliver what they fetch to each of them.
/// </summary>
public interface IEntitiesByCnpj
{
    /// <summary>The entities of all tenants registered with <paramref name="cnpj"/> (any environment).</summary>
    Task<IReadOnlyList<EntityInfo>> ForCnpjAsync(string cnpj, CancellationToken ct);
}
