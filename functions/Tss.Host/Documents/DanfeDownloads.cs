using Tss.Contracts.Documents;
using Tss.Contracts.Refusals;
using Tss.Danfe;
using Tss.Host.Hosting;
using Tss.Host.Problems;
using Tss.Pipeline;
using Tss.Pipeline.Danfe;
using Tss.Pipeline.Documents;
using Tss.Pipeline.Events;
using Tss.Pipeline.Queries;

namespace Tss.Host.Documents;

/// <summary>
/// The DANFE of a tenant's NF-e for REST and SOAP: the same tenant scoping and "not found" as the XML downloads; 409
/// while the NF-e is not authorized (except an NFC-e issued off-line, printed at once with its contingency legends); 422
/// with the renderer's code when its procNFe cannot be printed.
/// </summary>
public sealed class DanfeDownloads(EntityScope scope, DocumentQueries queries, DanfeCache cache)
{
    /// <summary>Code of the 409 answer: the NF-e exists but has no authorization (so no DANFE).</summary>
    public const string NotAuthorized = "nfe.not_authorized";

    /// <exception cref="RequestRefusedException">404 (entity or NF-e), 409 (not authorized), 422 (not printable), 400 (paper).</exception>
    public async Task<byte[]> GetAsync(string tenantId, string cnpj, string chNFe, int? paper, CancellationToken ct)
    {
        var render = new DanfeRenderOptions
        {
            NfcePaper = paper switch
            {
                null or 80 => NfcePaper.Mm80,
                58 => NfcePaper.Mm58,
                _ => throw new RequestRefusedException(400, ApiErrorCodes.InvalidFilter, "paper deve ser 80 ou 58 (largura da bobina do DANFE NFC-e, em mm)."),
            },
        };
        var entity = await scope.RequireAsync(tenantId, cnpj, ct).ConfigureAwait(false);
        var document = await queries.GetAsync(entity.TenantId, chNFe, ct).ConfigureAwait(false);
        if (document is null || document.Cnpj != entity.Cnpj)
        {
            throw new RequestRefusedException(404, PipelineErrorCodes.Events.DocumentNotFound, "NF-e não encontrada para esta empresa.");
        }

        if (document.OfflineTransmitBy is not null && document.StatusValue is DocumentStatus.Pending or DocumentStatus.InLot or DocumentStatus.AwaitingCredits)
        {
            // An NFC-e issued off-line (tpEmis 9) is printed at once, before its authorization: rendered from the signed
            // XML with the contingency legends, not cached (the authorized DANFE replaces it).
            try
            {
                var signed = await queries.GetSignedXmlAsync(document, ct).ConfigureAwait(false);
                return DanfeRenderer.RenderPendingOffline(System.Text.Encoding.UTF8.GetBytes(signed), render);
            }
            catch (DanfeException e)
            {
                throw new RequestRefusedException(422, e.Code, Describe(e.Code));
            }
        }

        if (document.ProcBlob is null && document.EpecStatus == Pipeline.Epec.EpecStatus.Registered
            && document.StatusValue is DocumentStatus.Pending or DocumentStatus.InLot or DocumentStatus.AwaitingCredits)
        {
            // EPEC contingency: printed at once from the signed NF-e with the EPEC's registration (and its legend).
            return await RenderAsync(entity.TenantId, chNFe, render with
            {
                Epec = new DanfeEpec(document.EpecProtocol, document.EpecRegisteredAt ?? document.UpdatedAt),
            }, async c => BinaryData.FromString(await queries.GetSignedXmlAsync(document, c).ConfigureAwait(false)), ct).ConfigureAwait(false);
        }

        if (document.ProcBlob is null || document.StatusValue is not (DocumentStatus.Authorized or DocumentStatus.Cancelled))
        {
            throw NotAuthorizedYet(document);
        }

        render = render with { Cancelled = document.StatusValue == DocumentStatus.Cancelled };
        return await RenderAsync(entity.TenantId, chNFe, render,
            async c => await queries.GetProcNFeAsync(document, c).ConfigureAwait(false) ?? throw NotAuthorizedYet(document), ct).ConfigureAwait(false);
    }

    private async Task<byte[]> RenderAsync(string tenantId, string chNFe, DanfeRenderOptions render, Func<CancellationToken, Task<BinaryData>> load,
        CancellationToken ct)
    {
        try
        {
            return await cache.GetOrRenderAsync(tenantId, chNFe, load, render, ct).ConfigureAwait(false);
        }
        catch (DanfeException e)
        {
            throw new RequestRefusedException(422, e.Code, Describe(e.Code));
        }
    }

    /// <summary>pt-BR text of a renderer refusal (the API's <c>detail</c>).</summary>
    public static string Describe(string code) => code switch
    {
        DanfeErrorCodes.NotAuthorized => "O XML não traz protocolo de autorização de uso (cStat 100/150); o DANFE é impresso somente para NF-e autorizada.",
        DanfeErrorCodes.KeyMismatch => "O protocolo de autorização pertence a outra chave de acesso.",
        DanfeErrorCodes.MalformedXml => "O XML de distribuição não pôde ser lido (mal formado, codificação ou tamanho).",
        DanfeErrorCodes.NotProcNFe => "O XML não é um nfeProc (NF-e com protocolo).",
        DanfeErrorCodes.UnsupportedModel => "Modelo de documento sem DANFE (somente 55 e 65).",
        _ => "O XML não traz um campo obrigatório do DANFE ou traz um valor ilegível.",
    };

    private static RequestRefusedException NotAuthorizedYet(DocumentRecord document) =>
        new(409, NotAuthorized, $"A NF-e não está autorizada (situação {document.Status}); o DANFE existe somente após a autorização.");
}
