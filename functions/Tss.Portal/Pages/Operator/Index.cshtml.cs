using Microsoft.AspNetCore.Mvc.RazorPages;
using Tss.Portal.Credits;
using Tss.Portal.Tenants;
using Tss.Tenancy.Credits;
using Tss.Tenancy.Tenants;

namespace Tss.Portal.Pages.Operator;

/// <summary>Every tenant with its balance (operators only).</summary>
public sealed class IndexModel(PortalTenants tenants, PortalCredits credits) : PageModel
{
    public sealed record Row(TenantRecord Tenant, CreditBalance? Balance);

    public IReadOnlyList<Row> Tenants { get; private set; } = [];
    public bool CreditsAvailable => credits.IsAvailable;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var list = await tenants.ListAsync(ct);
        var rows = new List<Row>(list.Count);
        foreach (var t in list.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase))
        {
            rows.Add(new Row(t, await credits.GetBalanceAsync(t.TenantId, ct)));
        }
        Tenants = rows;
    }
}
