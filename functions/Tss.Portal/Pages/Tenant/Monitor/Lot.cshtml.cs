using Microsoft.AspNetCore.Mvc;
using Tss.Pipeline.Queries;
using Tss.Portal.Entities;
using Tss.Portal.Hosting;

namespace Tss.Portal.Pages.Tenant.Monitor;

/// <summary>One lot and its documents.</summary>
public sealed class LotModel(PortalEntities entities, LotQueries lots) : PortalPageModel
{
    public string Cnpj { get; private set; } = "";
    public LotSummary Lot { get; private set; } = null!;
    public IReadOnlyList<DocumentSummary> Documents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string cnpj, string aamm, long idLote, CancellationToken ct)
    {
        if (await entities.GetAsync(TenantId, cnpj, ct) is null || await lots.GetAsync(TenantId, cnpj, aamm, idLote, ct) is not { } lot)
        {
            return NotFoundPage();
        }
        (Cnpj, Lot) = (cnpj, lot);
        Documents = await lots.GetDocumentsAsync(TenantId, cnpj, lot, ct);
        return Page();
    }
}
