using Tss.Portal.Entities;
using Tss.Portal.Hosting;
using Tss.Tenancy.Entities;

namespace Tss.Portal.Pages.Tenant.Monitor;

public sealed class IndexModel(PortalEntities entities) : PortalPageModel
{
    public IReadOnlyList<EntityRecord> Entities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Entities = await entities.ListAsync(TenantId, ct);
}
