using Microsoft.Extensions.Options;
using Tss.Portal.Credits;
using Tss.Portal.Entities;
using Tss.Portal.Hosting;
using Tss.Tenancy;
using Tss.Tenancy.Credits;
using Tss.Tenancy.Entities;

namespace Tss.Portal.Pages.Tenant;

/// <summary>The tenant's start page: entities with their certificates' expiry, and the credit balance.</summary>
public sealed class HomeModel(TenancyAdmin admin, PortalEntities entities, PortalCredits credits, TimeProvider time, IOptions<PortalOptions> options) : PortalPageModel
{
    public string TenantName { get; private set; } = "";
    public IReadOnlyList<EntityRecord> Entities { get; private set; } = [];
    public CreditBalance? Balance { get; private set; }

    public CertificateStatus Certificate(EntityRecord e) => new(e.CertificateNotAfter, time.GetUtcNow(), options.Value.CertificateWarningDays);

    public async Task OnGetAsync(CancellationToken ct)
    {
        TenantName = (await admin.GetTenantAsync(TenantId, ct))?.Name ?? TenantId;
        Entities = await entities.ListAsync(TenantId, ct);
        Balance = await credits.GetBalanceAsync(TenantId, ct);
    }
}
