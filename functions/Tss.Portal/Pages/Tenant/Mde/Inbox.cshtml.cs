using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Tss.Contracts.Entities;
using Tss.Mde;
using Tss.Mde.Documents;
using Tss.Mde.Manifestacao;
using Tss.Mde.Protocol;
using Tss.Portal.Entities;
using Tss.Portal.Hosting;
using Tss.Portal.Mde;
using Tss.Protocol.AccessKeys;

namespace Tss.Portal.Pages.Tenant.Mde;

/// <summary>
/// MD-e inbox of one entity: the documents SEFAZ distributed to it (resNFe, nfeProc, resEvento, procEventoNFe) in NSU
/// order, 50 a page, with each one's XML, and the manifestação do destinatário of each NF-e (ciência, confirmação,
/// desconhecimento, operação não realizada) with the ones already registered. Reads only the tenant's own partition;
/// another tenant's CNPJ, or a key not in this company's inbox, answers 404 and sends nothing.
/// </summary>
public sealed class InboxModel(PortalEntities entities, IEntityDirectory directory, MdeDocumentStore documents, ManifestacaoService manifestacao)
    : PortalPageModel
{
    public const int PageSize = 50;

    public string Cnpj { get; private set; } = "";
    public string? Type { get; private set; }
    public long? Since { get; private set; }
    public IReadOnlyList<MdeDocumentRecord> Documents { get; private set; } = [];
    public long? NextSince { get; private set; }
    public IReadOnlyList<string> Types { get; } = Enum.GetNames<DocumentType>();

    /// <summary>Registered manifestações per chNFe of the listed documents.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ManifestacaoRecord>> Registered { get; private set; } =
        new Dictionary<string, IReadOnlyList<ManifestacaoRecord>>();

    /// <summary>A refusal carried over the redirect after a manifestação (shown once, as an error).</summary>
    [TempData] public string? FlashError { get; set; }

    /// <summary>The key whose manifestação form was refused, its errors, and the justification typed.</summary>
    public string? FailedChNFe { get; private set; }
    public FieldErrors Errors { get; private set; } = [];
    public string? XJust { get; private set; }

    /// <summary>Whether a document can be manifested (an NF-e summary or the NF-e itself).</summary>
    public static bool CanManifest(MdeDocumentRecord d) =>
        d.chNFe is not null && d.Type is nameof(DocumentType.ResNFe) or nameof(DocumentType.ProcNFe);

    public async Task<IActionResult> OnGetAsync(string cnpj, string? type, long? since, CancellationToken ct)
    {
        if (await entities.GetAsync(TenantId, cnpj, ct) is null)
        {
            return NotFoundPage();
        }
        await LoadAsync(cnpj, type, since, ct);
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

    /// <summary>The DANFE of a received NF-e (an nfeProc in the inbox; a summary has none).</summary>
    public async Task<IActionResult> OnGetDanfeAsync(string cnpj, long nsu, CancellationToken ct)
    {
        if (nsu <= 0 || await entities.GetAsync(TenantId, cnpj, ct) is null
            || await documents.FindByNsuAsync(TenantId, cnpj, nsu, ct) is not { Type: nameof(DocumentType.ProcNFe), chNFe: { } chNFe } record)
        {
            return NotFoundPage();
        }
        return await Danfe.PortalDanfe.DownloadAsync(HttpContext, $"mde/{TenantId}/{cnpj}", chNFe,
            async c => BinaryData.FromString(await documents.ReadXmlAsync(record, c)), cancelled: false, ct);
    }

    /// <summary>Sends one manifestação for an NF-e of this company's inbox; the outcome comes back as a flash.</summary>
    public async Task<IActionResult> OnPostManifestAsync(string cnpj, string? chNFe, string? tpEvento, string? xJust, string? type, long? since,
        CancellationToken ct)
    {
        if (await entities.GetAsync(TenantId, cnpj, ct) is null || await directory.FindAsync(TenantId, cnpj, ct) is not { } entity
            || !AccessKey.TryParse(chNFe, out _, out _)
            || !(await documents.FindByKeyAsync(TenantId, cnpj, chNFe!, ct)).Any(CanManifest))
        {
            return NotFoundPage();
        }
        // The justification field is on every row's form but only counts for 210240; the service validates both (before
        // anything is stored or sent) and its refusals become field errors here.
        var justification = tpEvento == ManifestacaoRequests.OperacaoNaoRealizada ? xJust ?? "" : null;
        try
        {
            var result = await manifestacao.SendAsync(entity, chNFe!, tpEvento!, justification, ct);
            if (result.Registered)
            {
                Flash = ManifestacaoTexts.Outcome(result);
            }
            else
            {
                FlashError = ManifestacaoTexts.Outcome(result);
            }
        }
        catch (MdeException e) when (e.Code is MdeErrorCodes.InvalidTpEvento or MdeErrorCodes.InvalidXJust)
        {
            var errors = new FieldErrors();
            if (e.Code == MdeErrorCodes.InvalidXJust)
            {
                errors.Add("xJust", e.Code, ManifestacaoTexts.XJustRequired);
            }
            else
            {
                errors.Add("tpEvento", e.Code, ManifestacaoTexts.TpEventoInvalid);
            }
            await LoadAsync(cnpj, type, since, ct);
            (FailedChNFe, Errors, XJust) = (chNFe, errors, xJust is { Length: <= 255 } ? xJust : null);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        catch (MdeException e)
        {
            FlashError = ManifestacaoTexts.Refusal(e);
        }
        return LocalRedirect(ListUrl(cnpj, type, since));
    }

    /// <summary>The inbox page with the same filter and position.</summary>
    public static string ListUrl(string cnpj, string? type, long? since)
    {
        var query = new List<string>(2);
        if (!string.IsNullOrEmpty(type) && Enum.TryParse<DocumentType>(type, out var t) && Enum.IsDefined(t))
        {
            query.Add("type=" + t);
        }
        if (since is > 0)
        {
            query.Add("since=" + since.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return $"/portal/entities/{cnpj}/mde" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
    }

    private async Task LoadAsync(string cnpj, string? type, long? since, CancellationToken ct)
    {
        Cnpj = cnpj;
        DocumentType? filter = Enum.TryParse<DocumentType>(type, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        Type = filter?.ToString();
        Since = since is > 0 ? since : null;
        Documents = await documents.ListAsync(TenantId, cnpj, Since ?? 0, filter, PageSize, ct);
        NextSince = Documents.Count == PageSize ? Documents[^1].Nsu : null;
        Registered = await manifestacao.RegisteredAsync(TenantId, cnpj, Documents.Where(CanManifest).Select(d => d.chNFe!), ct);
    }
}
