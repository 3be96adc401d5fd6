using Microsoft.Extensions.Options;
using Tss.Contracts.Refusals;
using Tss.Host.Auth;
using Tss.Host.Hosting;
using Tss.Host.Problems;
using Tss.Host.Submission;
using Tss.Pipeline;
using Tss.Pipeline.Documents;
using Tss.Pipeline.Events;
using Tss.Pipeline.Ingest;
using Tss.Pipeline.Queries;

namespace Tss.Host.Soap;

/// <summary>The SOAP operations, on the same services as the REST API. Refusals throw <see cref="RequestRefusedException"/>,
/// which <see cref="SoapFaultTransformer"/> turns into a fault with the code.</summary>
public sealed partial class NfeSoapService(
    IHttpContextAccessor http,
    EntityScope scope,
    SubmissionService submission,
    DocumentQueries queries,
    IOptions<PipelineOptions> pipeline) : INfeSoapService
{
    public async Task<SoapSubmitResult> Submit(string cnpj, SoapDocument[] documents, bool sync)
    {
        var ct = Aborted;
        var entity = await scope.RequireAsync(TenantId(), cnpj ?? "", ct).ConfigureAwait(false);
        var items = (documents ?? []).Select(d => new IngestItem(d?.Xml ?? "", d?.ErpId)).ToList();
        var body = SubmitBodyReader.Check(items, sync, [], "soap", pipeline.Value);
        var response = await submission.SubmitAsync(entity, body, ct).ConfigureAwait(false);
        return new SoapSubmitResult
        {
            Accepted = response.Accepted,
            Refused = response.Refused,
            Documents = [.. response.Documents.Select(d => new SoapDocumentResult
            {
                Index = d.Index,
                chNFe = d.chNFe,
                ErpId = d.ErpId,
                Status = d.Status,
                ErrorCode = d.Error?.Code,
                ErrorMessage = d.Error?.Message,
                cStat = d.Sefaz?.cStat,
                xMotivo = d.Sefaz?.xMotivo,
                nProt = d.Sefaz?.nProt,
                dhRecbto = d.Sefaz?.dhRecbto?.UtcDateTime,
            })],
        };
    }

    public async Task<SoapDocumentStatus> GetStatus(string cnpj, string chNFe) => View(await RequireAsync(cnpj, chNFe).ConfigureAwait(false));

    public async Task<SoapDocumentStatus> GetStatusByErpId(string cnpj, string erpId)
    {
        var entity = await scope.RequireAsync(TenantId(), cnpj ?? "", Aborted).ConfigureAwait(false);
        var document = string.IsNullOrEmpty(erpId) ? null : await queries.FindByErpIdAsync(entity.TenantId, entity.Cnpj, erpId, Aborted).ConfigureAwait(false);
        return document is null
            ? throw new RequestRefusedException(404, PipelineErrorCodes.Events.DocumentNotFound, "Nenhuma NF-e com este erpId para esta empresa.")
            : View(document);
    }

    public async Task<string> DownloadXml(string cnpj, string chNFe, string kind)
    {
        var document = await RequireAsync(cnpj, chNFe).ConfigureAwait(false);
        return kind?.ToLowerInvariant() switch
        {
            "signed" => await queries.GetSignedXmlAsync(document, Aborted).ConfigureAwait(false),
            "procnfe" => (await queries.GetProcNFeAsync(document, Aborted).ConfigureAwait(false))?.ToString()
                ?? throw new RequestRefusedException(404, ApiErrorCodes.ProcNotAvailable,
                    $"A NF-e ainda não tem XML de distribuição (situação {document.Status}); ele existe somente após a autorização."),
            _ => throw new RequestRefusedException(400, ApiErrorCodes.InvalidFilter, "kind deve ser 'signed' ou 'procNFe'."),
        };
    }

    private IServiceProvider Services => http.HttpContext?.RequestServices ?? throw new InvalidOperationException("No HTTP context.");

    private Task<Tss.Contracts.Entities.EntityInfo> EntityAsync(string cnpj) => scope.RequireAsync(TenantId(), cnpj ?? "", Aborted);

    private CancellationToken Aborted => http.HttpContext?.RequestAborted ?? CancellationToken.None;

    private async Task<DocumentRecord> RequireAsync(string cnpj, string chNFe)
    {
        var entity = await scope.RequireAsync(TenantId(), cnpj ?? "", Aborted).ConfigureAwait(false);
        var document = await queries.GetAsync(entity.TenantId, chNFe ?? "", Aborted).ConfigureAwait(false);
        return document is not null && document.Cnpj == entity.Cnpj
            ? document
            : throw new RequestRefusedException(404, PipelineErrorCodes.Events.DocumentNotFound, "NF-e não encontrada para esta empresa.");
    }

    private string TenantId()
    {
        var context = http.HttpContext ?? throw new InvalidOperationException("No HTTP context.");
        if (context.User.Identity?.IsAuthenticated == true)
        {
            return context.User.GetTenantId();
        }
        var refusal = ApiKeyRefusal.Of(context); // SoapInputGuard answers first; kept for calls that bypass it
        throw new RequestRefusedException(refusal.Status, refusal.Code, refusal.Detail);
    }

    private static SoapDocumentStatus View(DocumentRecord d) => new()
    {
        chNFe = d.RowKey,
        ErpId = d.ErpId,
        Status = d.Status,
        cStat = d.cStat,
        xMotivo = d.xMotivo,
        nProt = d.nProt,
        dhRecbto = d.dhRecbto?.UtcDateTime,
        ReceivedAt = d.ReceivedAt.UtcDateTime,
        HasProcNFe = d.ProcBlob is not null,
    };
}
