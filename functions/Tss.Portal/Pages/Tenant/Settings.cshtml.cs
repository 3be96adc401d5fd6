using Tss.Portal.Hosting;
using Tss.Portal.Tenants;
using Tss.Tenancy;

namespace Tss.Portal.Pages.Tenant;

/// <summary>The tenant's own data (name, id, contracting CNPJ and contact).</summary>
public sealed class SettingsModel(TenancyAdmin admin, PortalTenants tenants) : PortalPageModel
{
    public string TenantName { get; private set; } = "";
    public TenantProfile? Profile { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        TenantName = (await admin.GetTenantAsync(TenantId, ct))?.Name ?? TenantId;
        Profile = await tenants.GetProfileAsync(TenantId, ct);
    }
}
