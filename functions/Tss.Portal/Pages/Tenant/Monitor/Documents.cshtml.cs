using Microsoft.AspNetCore.Mvc;
using Tss.Contracts.Documents;
using Tss.Pipeline.Documents;
using Tss.Pipeline.Queries;
using Tss.Portal.Entities;
using Tss.Portal.Hosting;

namespace Tss.Portal.Pages.Tenant.Monitor;

/// <summary>The documents of one entity, filtered by status, 50 a page.</summary>
public sealed class DocumentsModel(PortalEntities entities, DocumentQueries queries) : PortalPageModel
{
    public const int PageSize = 50;

    public string Cnpj { get; private set; } = "";
    public string? Status { get; private set; }
    public IReadOnlyList<DocumentSummary> Documents { get; private set; } = [];
    public string? NextToken { get; private set; }
    public string? Error { get; private set; }
    public IReadOnlyList<string> Statuses { get; } = [.. Enum.GetNames<DocumentStatus>(), "AwaitingCredits"];

    public async Task<IActionResult> OnGetAsync(string cnpj, string? status, string? token, CancellationToken ct)
    {
        if (await entities.GetAsync(TenantId, cnpj, ct) is null)
        {
            return NotFoundPage();
        }
        Cnpj = cnpj;
        Status = Statuses.Contains(status) ? status : null;
        DocumentStatus? filter = null;
        if (Status is not null)
        {
            if (!Enum.TryParse<DocumentStatus>(Status, out var parsed))
            {
                return Page(); // a status this pipeline does not have yet (AwaitingCredits before the credits feature): none
            }
            filter = parsed;
        }
        try
        {
            var page = await queries.ListAsync(new DocumentListQuery(TenantId, cnpj, filter, PageSize: PageSize, ContinuationToken: token), ct);
            (Documents, NextToken) = (page.Documents, page.ContinuationToken);
        }
        catch (InvalidContinuationTokenException)
        {
            Error = "Link de paginação inválido; mostrando a primeira página.";
            var page = await queries.ListAsync(new DocumentListQuery(TenantId, cnpj, filter, PageSize: PageSize), ct);
            (Documents, NextToken) = (page.Documents, page.ContinuationToken);
        }
        return Page();
    }
}
