using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using Tss.Contracts.Entities;
using Tss.Pipeline.Contingency;
using Tss.Pipeline.Documents;
using Tss.Protocol.AccessKeys;
using Tss.Protocol.Messages;
using Tss.Sefaz.Client;

namespace Tss.Pipeline.Lots;

/// <summary>The SEFAZ side of a lot: send the claimed documents, poll the receipt, consult keys. Every SEFAZ answer
/// and every transport failure comes back as a <see cref="LotEvent"/>; storage failures throw. Each send's outcome is also
/// a signal for the contingency policy (when the host registers it), unless the lot went to an SVC.</summary>
public sealed class LotSender(
    TableServiceClient tables,
    BlobServiceClient blobs,
    SefazClient sefaz,
    IEntityDirectory entities,
    IOptions<PipelineOptions> options,
    ContingencyReporter? contingency = null)
{
    private readonly PipelineOptions _o = options.Value;

    public async Task<LotEvent> SendAsync(LotRecord lot, LotState state, bool indSinc, CancellationToken ct)
    {
        var signed = await SignedDocumentsAsync(lot, state.OpenKeys, ct).ConfigureAwait(false);
        var enviNFe = NfeRequests.EnviNFe(state.idLote, indSinc, signed);
        var (target, cert) = await TargetAsync(lot, ct).ConfigureAwait(false);
        try
        {
            var answer = await sefaz.AutorizarAsync(target, cert, enviNFe, ct).ConfigureAwait(false);
            Tss.Runtime.Faults.CrashPoint.Hit(Tss.Runtime.Faults.CrashPoints.AfterSefazSend);
            if (contingency is not null && LotAuthorizer.Svc(lot) is null)
            {
                await contingency.AnsweredAsync(lot.Uf, lot.mod, lot.tpAmb, answer.cStat, lot.TenantId, lot.Cnpj, ct).ConfigureAwait(false);
            }
            else if (contingency is not null)
            {
                await contingency.SvcAnsweredAsync(lot.Uf, lot.mod, lot.tpAmb, answer.cStat, lot.TenantId, lot.Cnpj, ct).ConfigureAwait(false);
            }
            return new LotEvent.SendAnswered(answer);
        }
        catch (SefazException e)
        {
            if (contingency is not null && LotAuthorizer.Svc(lot) is null)
            {
                await contingency.FailedAsync(new AuthorizerKey(lot.Uf, lot.mod, lot.tpAmb), e.Code, lot.TenantId, lot.Cnpj, ct).ConfigureAwait(false);
            }
            return new LotEvent.SendFailed(e.Code, e.OutcomeUnknown);
        }
    }

    public async Task<LotEvent> PollAsync(LotRecord lot, string nRec, CancellationToken ct)
    {
        var (target, cert) = await TargetAsync(lot, ct).ConfigureAwait(false);
        try
        {
            return new LotEvent.ReceiptAnswered(await sefaz.ConsultarReciboAsync(target, cert, nRec, ct).ConfigureAwait(false));
        }
        catch (SefazException e)
        {
            return new LotEvent.ReceiptFailed(e.Code);
        }
    }

    public async Task<LotEvent> ConsultAsync(LotRecord lot, IReadOnlyList<AccessKey> keys, CancellationToken ct)
    {
        var (target, cert) = await TargetAsync(lot, ct).ConfigureAwait(false);
        var answers = new Dictionary<AccessKey, RetConsSitNFe>();
        foreach (var key in keys)
        {
            try
            {
                answers[key] = await sefaz.ConsultarProtocoloAsync(target, cert, key.Value, ct).ConfigureAwait(false);
            }
            catch (SefazException)
            {
                // Left out: the workflow asks again for keys without an answer.
            }
        }
        return new LotEvent.ConsultAnswered(answers);
    }

    private async Task<(SefazTarget, System.Security.Cryptography.X509Certificates.X509Certificate2)> TargetAsync(LotRecord lot, CancellationToken ct)
    {
        var entity = await entities.FindAsync(lot.TenantId, lot.Cnpj, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Entity {lot.Cnpj} of tenant {lot.TenantId} no longer exists; lot {lot.RowKey} cannot proceed.");
        var cert = await entities.GetCertificateAsync(entity, ct).ConfigureAwait(false);
        // A lot of tpEmis 6/7 documents goes to the SVC for every step; its answers are no signal about the UF's own authorizer.
        return (new SefazTarget(lot.Uf, lot.mod, lot.tpAmb) { Contingency = LotAuthorizer.Svc(lot) }, cert);
    }

    /// <summary>
    /// The signed XML of the lot's documents, in lot order. Each must be this lot's (its LotId) or still show Pending
    /// — the lot's claim is authoritative, and the "in lot" mark lost in a crash is written here before sending.
    /// </summary>
    private async Task<List<string>> SignedDocumentsAsync(LotRecord lot, IReadOnlyList<AccessKey> keys, CancellationToken ct)
    {
        var table = tables.GetTableClient(_o.DocumentsTable);
        var docs = await DocumentReader.ReadAsync(table, lot.PartitionKey, keys, ct).ConfigureAwait(false);
        var signed = new List<string>(keys.Count);
        var unmarked = new List<AccessKey>();
        foreach (var key in keys)
        {
            if (!docs.TryGetValue(key, out var d) || !d.BelongsTo(lot.RowKey))
            {
                throw new InvalidOperationException($"Document {key} is not claimed by lot {lot.RowKey}.");
            }
            if (d.LotId != lot.RowKey)
            {
                unmarked.Add(key);
            }
            signed.Add(d.SignedXml ?? (await blobs.GetBlobContainerClient(_o.SignedContainer).GetBlobClient(d.SignedBlob)
                .DownloadContentAsync(ct).ConfigureAwait(false)).Value.Content.ToString());
        }
        if (unmarked.Count > 0)
        {
            await LotAssembler.MarkInLotAsync(table, lot.PartitionKey, lot.RowKey, unmarked, lot.UpdatedAt, ct).ConfigureAwait(false);
        }
        return signed;
    }
}
