using Microsoft.Extensions.Options;
using Tss.Portal.Entities;
using Tss.Portal.Hosting;
using Tss.Tenancy.Entities;

namespace Tss.Portal.Pages.Tenant.Entities;

public sealed class IndexModel(PortalEntities entities, TimeProvider time, IOptions<PortalOptions> options) : PortalPageModel
{
    public IReadOnlyList<EntityRecord> Entities { get; private set; } = [];

    public CertificateStatus Certificate(EntityRecord e) => new(e.CertificateNotAfter, time.GetUtcNow(), options.Value.CertificateWarningDays);

    public async Task OnGetAsync(CancellationToken ct) => Entities = await entities.ListAsync(TenantId, ct);
}
