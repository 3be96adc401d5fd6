using System.Text;
using Microsoft.AspNetCore.Mvc;
using Tss.Contracts.Documents;
using Tss.Pipeline.Distribution;
using Tss.Pipeline.Documents;
using Tss.Pipeline.Lots;
using Tss.Pipeline.Queries;
using Tss.Portal.Entities;
using Tss.Portal.Hosting;

namespace Tss.Portal.Pages.Tenant.Monitor;

/// <summary>One document: status, cStat/xMotivo, history, deliveries; the signed XML, the procNFe and the DANFE as downloads.</summary>
public sealed class DocumentModel(PortalEntities entities, DocumentQueries queries, DeliveryLog deliveries) : PortalPageModel
{
    public string Cnpj { get; private set; } = "";
    public DocumentRecord Document { get; private set; } = null!;
    public IReadOnlyList<DeliveryEntry> Deliveries { get; private set; } = [];
    public string? LotLink { get; private set; }

    public async Task<IActionResult> OnGetAsync(string cnpj, string chNFe, CancellationToken ct)
    {
        if (await FindAsync(cnpj, chNFe, ct) is not { } document)
        {
            return NotFoundPage();
        }
        (Cnpj, Document) = (cnpj, document);
        Deliveries = await deliveries.ForDocumentAsync(TenantId, chNFe, ct);
        if (document.LotId is { } lot && lot.StartsWith(LotRecord.RowPrefix, StringComparison.Ordinal))
        {
            LotLink = $"/portal/entities/{cnpj}/lots/{chNFe.Substring(2, 4)}/{lot[LotRecord.RowPrefix.Length..]}";
        }
        return Page();
    }

    public async Task<IActionResult> OnGetXmlAsync(string cnpj, string chNFe, CancellationToken ct)
    {
        if (await FindAsync(cnpj, chNFe, ct) is not { } document)
        {
            return NotFoundPage();
        }
        var xml = await queries.GetSignedXmlAsync(document, ct);
        return Download(Encoding.UTF8.GetBytes(xml), $"{chNFe}-nfe.xml");
    }

    public async Task<IActionResult> OnGetProcNFeAsync(string cnpj, string chNFe, CancellationToken ct)
    {
        if (await FindAsync(cnpj, chNFe, ct) is not { } document || await queries.GetProcNFeAsync(document, ct) is not { } proc)
        {
            return NotFoundPage();
        }
        return Download(proc.ToArray(), $"{chNFe}-procNFe.xml");
    }

    public async Task<IActionResult> OnGetDanfeAsync(string cnpj, string chNFe, CancellationToken ct)
    {
        if (await FindAsync(cnpj, chNFe, ct) is not { } document || document.ProcBlob is null || !HasDanfe(document))
        {
            return NotFoundPage();
        }
        return await Danfe.PortalDanfe.DownloadAsync(HttpContext, TenantId, chNFe,
            async c => await queries.GetProcNFeAsync(document, c) ?? throw new Tss.Danfe.DanfeException(Tss.Danfe.DanfeErrorCodes.NotAuthorized, "No procNFe."),
            document.StatusValue == DocumentStatus.Cancelled, ct);
    }

    /// <summary>An authorized (or later cancelled) NF-e has a DANFE.</summary>
    public static bool HasDanfe(DocumentRecord document) =>
        document.ProcBlob is not null && document.StatusValue is DocumentStatus.Authorized or DocumentStatus.Cancelled;

    // The entity must be the tenant's, and the key's emitter must be that entity: the document read itself is by the
    // tenant's partition, so another tenant's key finds nothing.
    private async Task<DocumentRecord?> FindAsync(string cnpj, string chNFe, CancellationToken ct)
    {
        if (!DocumentQueries.IsAccessKeyShape(chNFe) || chNFe.Substring(6, 14) != cnpj || await entities.GetAsync(TenantId, cnpj, ct) is null)
        {
            return null;
        }
        return await queries.GetAsync(TenantId, chNFe, ct);
    }

    private FileContentResult Download(byte[] content, string name) => File(content, "application/xml; charset=utf-8", name);
}
