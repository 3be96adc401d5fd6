using Tss.Contracts.Entities;
using Tss.Pipeline.Ingest;
using Tss.Pipeline.Sync;

namespace Tss.Host.Submission;

/// <summary>
/// Hands parsed documents to the pipeline (ingest, and synchronous emission of NFC-e / a lone NF-e with sync) and
/// shapes the per-document answer (REST and SOAP alike).
/// </summary>
public sealed class SubmissionService(SyncEmission emission, ILogger<SubmissionService> logger)
{
    public async Task<SubmitResponse> SubmitAsync(EntityInfo entity, SubmitBody body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(body);
        var results = await emission.SubmitAsync(entity, body.Items, body.Sync, ct).ConfigureAwait(false);
        var documents = results.Select(r => Result(entity, r)).ToList();
        var accepted = documents.Count(d => d.Error is null);
        Tss.Host.Log.Submitted(logger, entity.TenantId, entity.Cnpj, accepted, documents.Count - accepted);
        return new SubmitResponse(accepted, documents.Count - accepted, documents);
    }

    private static SubmitDocumentResult Result(EntityInfo entity, IngestedDocument r)
    {
        if (!r.Accepted)
        {
            return new SubmitDocumentResult(r.Index, r.chNFe, r.ErpId, r.Status, new SubmitError(r.ErrorCode!, r.Error ?? "", r.SchemaErrors));
        }
        var status = $"/api/v1/entities/{entity.Cnpj}/nfe/{r.chNFe}";
        var links = new SubmitLinks(status, r.Sefaz is { HasProcNFe: true } ? status + "/procnfe" : null);
        if (r.Offline is not null)
        {
            links = links with { Xml = status + "/xml" };
        }
        var sefaz = r.Sefaz is { Processing: false } s ? new SubmitSefazAnswer(s.cStat, s.xMotivo, s.nProt, s.dhRecbto) : null;
        return new SubmitDocumentResult(r.Index, r.chNFe, r.ErpId, r.Status, null, sefaz, links) { Offline = r.Offline };
    }
}
