using System.Text;
using Microsoft.AspNetCore.Mvc;
using Tss.Mde.Documents;
using Tss.Mde.Protocol;
using Tss.Portal.Entities;
using Tss.Portal.Hosting;

namespace Tss.Portal.Pages.Tenant.Mde;

/// <summary>
/// MD-e inbox of one entity: the documents SEFAZ distributed to it (resNFe, nfeProc, resEvento, procEventoNFe) in NSU
/// order, 50 a page, with each one's XML. Reads only the tenant's own partition; another tenant's CNPJ answers 404.
/// </summary>
public sealed class InboxModel(PortalEntities entities, MdeDocumentStore documents) : PortalPageModel
{
    public const int PageSize = 50;

    public string Cnpj { get; private set; } = "";
    public string? Type { get; private set; }
    public IReadOnlyList<MdeDocumentRecord> Documents { get; private set; } = [];
    public long? NextSince { get; private set; }
    public IReadOnlyList<string> Types { get; } = Enum.GetNames<DocumentType>();

    public async Task<IActionResult> OnGetAsync(string cnpj, string? type, long? since, CancellationToken ct)
    {
        if (await entities.GetAsync(TenantId, cnpj, ct) is null)
        {
            return NotFoundPage();
        }
        Cnpj = cnpj;
        DocumentType? filter = Enum.TryParse<DocumentType>(type, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        Type = filter?.ToString();
        Documents = await documents.ListAsync(TenantId, cnpj, Math.Max(0, since ?? 0), filter, PageSize, ct);
        NextSince = Documents.Count == PageSize ? Documents[^1].Nsu : null;
        return Page();
    }

    public async Task<IActionResult> OnGetXmlAsync(string cnpj, long nsu, CancellationToken ct)
    {
        if (nsu <= 0 || await entities.GetAsync(TenantId, cnpj, ct) is null
            || await documents.FindByNsuAsync(TenantId, cnpj, nsu, ct) is not { } record)
        {
            return NotFoundPage();
        }
        var xml = await documents.ReadXmlAsync(record, ct);
        return File(Encoding.UTF8.GetBytes(xml), "application/xml; charset=utf-8", $"{cnpj}-nsu-{nsu}.xml");
    }
}
