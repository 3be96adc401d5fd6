using Tss.Pipeline.Entities;
using Tss.Pipeline.Ingest;

namespace Tss.Host.Submission;

/// <summary>Hands parsed documents to the pipeline's ingest and shapes the per-document answer (REST and SOAP alike).</summary>
public sealed class SubmissionService(IngestService ingest, ILogger<SubmissionService> logger)
{
    public async Task<SubmitResponse> SubmitAsync(EntityInfo entity, SubmitBody body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(body);
        var results = await ingest.SubmitAsync(entity, body.Items, body.Sync, ct).ConfigureAwait(false);
        var documents = results.Select(r => new SubmitDocumentResult(
            r.Index, r.chNFe, r.ErpId, r.Status,
            r.Accepted ? null : new SubmitError(r.ErrorCode!, r.Error ?? "", r.SchemaErrors))).ToList();
        var accepted = documents.Count(d => d.Error is null);
        Tss.Host.Log.Submitted(logger, entity.TenantId, entity.Cnpj, accepted, documents.Count - accepted);
        return new SubmitResponse(accepted, documents.Count - accepted, documents);
    }
}
