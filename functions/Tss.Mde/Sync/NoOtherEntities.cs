using Tss.Contracts.Entities;

namespace Tss.Mde.Sync;

/// <summary>Without a tenant store (tests of MD-e alone): the syncing entity is the only one with its CNPJ.</summary>
internal sealed class NoOtherEntities : IEntitiesByCnpj
{
    public Task<IReadOnlyList<EntityInfo>> ForCnpjAsync(string cnpj, CancellationToken ct) => Task.FromResult<IReadOnlyList<EntityInfo>>([]);
}
