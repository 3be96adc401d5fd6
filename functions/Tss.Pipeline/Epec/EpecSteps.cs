using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.Contracts.Documents;
using Tss.Contracts.Entities;
using Tss.Pipeline.Documents;
using Tss.Pipeline.Lots;
using Tss.Pipeline.Messages;
using Tss.Protocol.Messages;
using Tss.Protocol.Reactions;
using Tss.Protocol.Signing;
using Tss.Protocol.Time;
using Tss.Sefaz.Client;

namespace Tss.Pipeline.Epec;

/// <summary>
/// Registers the EPEC (110140) of one tpEmis 4 NF-e at the Ambiente Nacional, safe to run again (activities are at least
/// once): the signed EPEC and the Sending state are written with If-Match before the AN is called; a run that finds
/// Sending sends the same EPEC again, and the AN's 573 (an EPEC for this key exists, and only its emitter can have
/// registered it) confirms the first registration, so an EPEC is never registered twice. On 136 the document gets its
/// pending marker (the lot pipeline transmits it to the normal authorizer when that answers); on a rejection it becomes
/// Rejected with the AN's xMotivo and is never sent (nor debited: credits are debited by the lot's send).
/// </summary>
public sealed class EpecSteps(
    TableServiceClient tables,
    BlobServiceClient blobs,
    SefazClient sefaz,
    IEntityDirectory entities,
    PipelineQueues queues,
    IOptions<PipelineOptions> options,
    TimeProvider time,
    ILogger<EpecSteps> logger)
{
    /// <summary>Application version written in the EPEC's detEvento.</summary>
    public const string VerAplic = "TSS-Functions";

    private static readonly TimeSpan Brasilia = TimeSpan.FromHours(-3);
    private static readonly TimeSpan RetryBase = TimeSpan.FromSeconds(20);
    private readonly PipelineOptions _o = options.Value;

    private TableClient Documents => tables.GetTableClient(_o.DocumentsTable);

    /// <summary>One attempt: sends the EPEC unless it is already answered; says whether to try again and when.</summary>
    public async Task<EpecStep> RegisterAsync(string partition, string chNFe, CancellationToken ct)
    {
        var found = await Documents.GetEntityIfExistsAsync<DocumentRecord>(partition, chNFe, cancellationToken: ct).ConfigureAwait(false);
        if (!found.HasValue || found.Value is not { } doc || !EpecStatus.IsOpen(doc.EpecStatus))
        {
            return EpecStep.Finished(found.HasValue ? found.Value?.EpecStatus ?? "none" : "missing");
        }

        var entity = await entities.FindAsync(doc.TenantId, doc.Cnpj, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Entity {doc.Cnpj} of tenant {doc.TenantId} no longer exists; EPEC of {chNFe} cannot proceed.");
        var cert = await entities.GetCertificateAsync(entity, ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var signedNfe = doc.SignedXml ?? (await blobs.GetBlobContainerClient(_o.SignedContainer).GetBlobClient(doc.SignedBlob)
            .DownloadContentAsync(ct).ConfigureAwait(false)).Value.Content.ToString();
        string signedEpec;
        try
        {
            using var signer = new XmlDsigSigner(cert);
            signedEpec = doc.EpecXml ?? signer.Sign(NfeRequests.Epec(EpecData.FromNfe(signedNfe), now.ToOffset(Brasilia), VerAplic), "infEvento");
        }
        catch (MessageInputException e)
        {
            return await RejectAsync(doc, null, $"EPEC não pôde ser montado a partir da NF-e: {e.Message}", ct).ConfigureAwait(false);
        }

        // Write-ahead: the EPEC and its send count are recorded before the AN is called.
        doc.EpecStatus = EpecStatus.Sending;
        doc.EpecXml = signedEpec;
        doc.EpecSends++;
        doc.UpdatedAt = now;
        try
        {
            var written = await Documents.UpdateEntityAsync(doc, doc.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
            doc.ETag = written.Headers.ETag ?? doc.ETag;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return new EpecStep(false, TimeSpan.Zero, "raced"); // another run wrote first: read again
        }

        RetEnvEvento answer;
        try
        {
            var envEvento = NfeRequests.EnvEvento(now.ToUnixTimeMilliseconds() % 1_000_000_000_000_000, [signedEpec]);
            answer = await sefaz.RecepcaoEventoAsync(new SefazTarget(doc.Uf, doc.mod, doc.tpAmb), cert, NfeRequests.TpEventoEpec, envEvento, ct)
                .ConfigureAwait(false);
        }
        catch (SefazException e)
        {
            return Retry(doc, e.Code.ToString());
        }

        if (CStatTables.RecepcaoEvento.React(answer.cStat) != CStatReaction.ReadItems || answer.retEvento.Count != 1)
        {
            return Retry(doc, $"lote {answer.cStat} {answer.xMotivo}");
        }

        var ret = answer.retEvento[0];
        switch (CStatTables.Epec.React(ret.cStat))
        {
            case CStatReaction.Register:
            case CStatReaction.AlreadyRegistered:
                return await RegisteredAsync(doc, ret, ct).ConfigureAwait(false);
            case CStatReaction.ReconcileByKey:
                doc.EpecStatus = EpecStatus.Superseded;
                doc.AddHistory(time.GetUtcNow(), $"EPEC {ret.cStat}: NF-e já existe na SEFAZ; consultada pela chave");
                await ReleaseAsync(doc, ct).ConfigureAwait(false);
                return EpecStep.Finished(EpecStatus.Superseded);
            default:
                return await RejectAsync(doc, ret.cStat, ret.xMotivo, ct).ConfigureAwait(false);
        }
    }

    private async Task<EpecStep> RegisteredAsync(DocumentRecord doc, RetEvento ret, CancellationToken ct)
    {
        doc.EpecStatus = EpecStatus.Registered;
        doc.EpecProtocol = ret.nProt ?? doc.EpecProtocol;
        doc.EpecRegisteredAt ??= ret.dhRegEvento;
        doc.AddHistory(time.GetUtcNow(), $"EPEC registrado ({ret.cStat}){(ret.nProt is null ? "" : " nProt " + ret.nProt)}");
        await ReleaseAsync(doc, ct).ConfigureAwait(false);
        Log.EpecRegistered(logger, doc.RowKey, ret.cStat, ret.nProt);
        return EpecStep.Finished(EpecStatus.Registered);
    }

    /// <summary>The document and its pending marker in one transaction, then an assembly of its partition.</summary>
    private async Task ReleaseAsync(DocumentRecord doc, CancellationToken ct)
    {
        doc.UpdatedAt = time.GetUtcNow();
        await Documents.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.UpdateReplace, doc, doc.ETag),
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, PendingMarker.For(doc)),
        ], ct).ConfigureAwait(false);
        await queues.AssembleAsync(doc.PartitionKey, ct).ConfigureAwait(false);
    }

    private async Task<EpecStep> RejectAsync(DocumentRecord doc, int? cStat, string xMotivo, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        doc.EpecStatus = EpecStatus.Rejected;
        doc.Status = nameof(DocumentStatus.Rejected);
        doc.cStat = cStat;
        doc.xMotivo = $"EPEC rejeitado pelo Ambiente Nacional: {xMotivo}";
        doc.UpdatedAt = now;
        doc.AddHistory(now, $"Rejected {cStat} (EPEC)");
        await Documents.UpdateEntityAsync(doc, doc.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
        Log.EpecRefused(logger, doc.RowKey, cStat ?? 0, xMotivo);
        return EpecStep.Finished(EpecStatus.Rejected);
    }

    private EpecStep Retry(DocumentRecord doc, string reason)
    {
        var wait = TimeSpan.FromTicks(RetryBase.Ticks * Math.Min(16, 1 << Math.Min(4, doc.EpecSends - 1)));
        var scale = time is ScaledTimeProvider { Scale: > 0 } scaled ? scaled.Scale : 1;
        var real = LotPolicy.RealTime(wait, scale, doc.tpAmb);
        Log.EpecRetry(logger, doc.RowKey, reason, real);
        return new EpecStep(false, real, reason);
    }
}
