using Microsoft.AspNetCore.Mvc;
using Tss.Pipeline.Queries;
using Tss.Portal.Entities;
using Tss.Portal.Hosting;

namespace Tss.Portal.Pages.Tenant.Monitor;

/// <summary>The lots of one entity for a month of the access keys (current month by default).</summary>
public sealed class LotsModel(PortalEntities entities, LotQueries lots, TimeProvider time) : PortalPageModel
{
    public string Cnpj { get; private set; } = "";
    public string Month { get; private set; } = "";
    public IReadOnlyList<LotSummary> Lots { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string cnpj, string? month, CancellationToken ct)
    {
        if (await entities.GetAsync(TenantId, cnpj, ct) is null)
        {
            return NotFoundPage();
        }
        Cnpj = cnpj;
        Month = LotQueries.IsAamm(month) ? month! : LotQueries.Aamm(time.GetUtcNow());
        Lots = await lots.ListAsync(TenantId, cnpj, Month, ct);
        return Page();
    }
}
