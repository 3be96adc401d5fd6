using Microsoft.Extensions.Options;
using Tss.Contracts.Entities;
using Tss.Mde.Documents;
using Tss.Mde.Manifestacao;
using Tss.Mde.Notifications;
using Tss.Mde.Protocol;
using Tss.Mde.Sharing;
using Tss.Protocol.Reference;
using Tss.Runtime.Queues;
using Tss.Sefaz.Client;

namespace Tss.Mde.Sync;

/// <summary>
/// The one place that talks to NFeDistribuicaoDFe and stores what it answers: sends a distDFeInt, reads the answer,
/// unpacks docZip, stores blobs and index rows (in chunks, idempotently) and queues one webhook per new document and,
/// when configured, the automatic ciência. Callers hold the cursor's in-flight marker.
/// </summary>
public sealed class MdeGateway(SefazClient client, IEntityDirectory entities, MdeRecipients recipients, MdeDocumentStore documents, IQueueSender queues,
    MdeSyncHooks hooks, IOptions<MdeOptions> options)
{
    private readonly MdeOptions _o = options.Value;

    /// <summary>Everything before the wire: the entity's certificate and the payload <paramref name="build"/> makes (tpAmb, cUFAutor, CNPJ).</summary>
    /// <exception cref="MdeException"><see cref="MdeErrorCodes.CertificateRequired"/> when the certificate has no private key.</exception>
    public async Task<MdeRequest> PrepareAsync(EntityInfo entity, int model, Func<int, int, string, string> build, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(build);
        var certificate = await entities.GetCertificateAsync(entity, ct).ConfigureAwait(false);
        if (!certificate.HasPrivateKey)
        {
            throw new MdeException(MdeErrorCodes.CertificateRequired, "O certificado da empresa não tem a chave privada; envie o certificado A1 completo.");
        }
        return new MdeRequest(new SefazTarget(entity.Uf, model, entity.tpAmb), certificate, build(entity.tpAmb, UfCodes.ToCode(entity.Uf), entity.Cnpj));
    }

    /// <summary>Sends a prepared distDFeInt and parses the answer.</summary>
    /// <exception cref="SefazException">No usable answer (<see cref="SefazException.NotSent"/> when it never left).</exception>
    /// <exception cref="MdeException">The answer is not a readable retDistDFeInt.</exception>
    public async Task<RetDistDFeInt> SendAsync(MdeRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reply = await client.DistribuicaoDFeAsync(request.Target, request.Certificate, request.Payload, ct).ConfigureAwait(false);
        return RetDistDFeInt.Parse(reply.Answer);
    }

    /// <summary>Prepares and sends one distDFeInt.</summary>
    public async Task<RetDistDFeInt> SendAsync(EntityInfo entity, int model, Func<int, int, string, string> build, CancellationToken ct) =>
        await SendAsync(await PrepareAsync(entity, model, build, ct).ConfigureAwait(false), ct).ConfigureAwait(false);

    /// <summary>
    /// Stores an answer's documents for the entity's tenant (it asked SEFAZ with its own certificate) and for every other
    /// tenant holding the CNPJ that may receive them (<see cref="MdeRecipients"/>); <paramref name="continuedFrom"/> is the
    /// cursor's ultNSU holding the in-flight marker. Returns the documents unpacked and the count new for the entity's tenant.
    /// </summary>
    public async Task<(IReadOnlyList<ReceivedDocument> Documents, int New)> StoreAsync(EntityInfo entity, int model, RetDistDFeInt answer, long continuedFrom,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(answer);
        var received = answer.Documents.Select(z => ReceivedDocument.From(z, _o.MaxDocumentBytes)).ToList();
        if (received.Count == 0)
        {
            return (received, 0);
        }
        var others = await recipients.OthersAsync(entity, continuedFrom, ct).ConfigureAwait(false);
        var fresh = 0;
        foreach (var chunk in received.Chunk(_o.StoreChunkSize))
        {
            fresh += await StoreForAsync(entity, model, chunk, manifests: true, ct).ConfigureAwait(false);
            foreach (var (other, member) in others)
            {
                var share = chunk.Where(d => member.Receives(d.Nsu)).ToArray();
                if (share.Length > 0)
                {
                    await StoreForAsync(other, model, share, manifests: false, ct).ConfigureAwait(false);
                }
            }
            if (hooks.AfterChunkIndexed is { } hook)
            {
                await hook([.. chunk.Select(d => d.Nsu)]).ConfigureAwait(false);
            }
        }
        return (received, fresh);
    }

    private async Task<int> StoreForAsync(EntityInfo recipient, int model, ReceivedDocument[] chunk, bool manifests, CancellationToken ct)
    {
        var existing = await documents.ExistingAsync(recipient.TenantId, recipient.Cnpj, chunk, ct).ConfigureAwait(false);
        var news = chunk.Where(d => !existing.Contains(d.Nsu)).ToList();
        if (news.Count > 0)
        {
            await documents.UploadAsync(recipient.TenantId, recipient.Cnpj, news, ct).ConfigureAwait(false);
            // Queued before the rows exist: a crash between the two replays the chunk, which is still "new" then,
            // so no announcement is lost (a duplicate carries the same delivery id). The handler waits for the rows.
            await queues.SendAsync(_o.NotifyQueue, new MdeNotifyMessage(recipient.TenantId, recipient.Cnpj, [.. news.Select(d => d.Nsu)]), ct: ct)
                .ConfigureAwait(false);
            // Manifestação concerns the company, not a tenant: one automatic ciência per new summary, from the tenant
            // that fetched it. Also queued before the rows, for the same reason.
            if (manifests && _o.AutoCienciaFor(recipient.Cnpj))
            {
                foreach (var summary in news.Where(d => d.Type == DocumentType.ResNFe && d.chNFe is not null))
                {
                    await queues.SendAsync(_o.CienciaQueue, new MdeCienciaMessage(recipient.TenantId, recipient.Cnpj, summary.chNFe!), ct: ct).ConfigureAwait(false);
                }
            }
            await documents.IndexAsync(recipient.TenantId, recipient.Cnpj, model, news, ct).ConfigureAwait(false);
        }
        return news.Count;
    }
}
