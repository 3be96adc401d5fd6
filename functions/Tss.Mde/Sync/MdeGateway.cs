using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Tss.Mde.Documents;
using Tss.Mde.Manifestacao;
using Tss.Mde.Notifications;
using Tss.Mde.Protocol;
using Tss.Pipeline.Entities;
using Tss.Protocol.Reference;
using Tss.Runtime.Queues;
using Tss.Sefaz.Client;

namespace Tss.Mde.Sync;

/// <summary>
/// The one place that talks to NFeDistribuicaoDFe and stores what it answers: sends a distDFeInt, reads the answer,
/// unpacks docZip, stores blobs and index rows (in chunks, idempotently) and queues one webhook per new document and,
/// when configured, the automatic ciência. Callers hold the cursor's lease.
/// </summary>
public sealed class MdeGateway(SefazClient client, IEntityDirectory entities, IEntitiesByCnpj sameCnpj, MdeDocumentStore documents, IQueueSender queues,
    MdeSyncHooks hooks, IOptions<MdeOptions> options)
{
    private readonly MdeOptions _o = options.Value;

    /// <summary>Sends one distDFeInt built by <paramref name="build"/> (tpAmb, cUFAutor, CNPJ) and parses the answer.</summary>
    /// <exception cref="SefazException">No usable answer.</exception>
    /// <exception cref="MdeException">The answer is not a readable retDistDFeInt.</exception>
    public async Task<RetDistDFeInt> SendAsync(EntityInfo entity, int model, Func<int, int, string, string> build, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(build);
        X509Certificate2 certificate = await entities.GetCertificateAsync(entity, ct).ConfigureAwait(false);
        var payload = build(entity.tpAmb, UfCodes.ToCode(entity.Uf), entity.Cnpj);
        var reply = await client.DistribuicaoDFeAsync(new SefazTarget(entity.Uf, model, entity.tpAmb), certificate, payload, ct).ConfigureAwait(false);
        return RetDistDFeInt.Parse(reply.Answer);
    }

    /// <summary>
    /// Stores an answer's documents for every tenant registered with the entity's CNPJ in its environment (they share
    /// the cursor); returns them unpacked and the count of those that were new for <paramref name="entity"/>'s tenant.
    /// </summary>
    public async Task<(IReadOnlyList<ReceivedDocument> Documents, int New)> StoreAsync(EntityInfo entity, int model, RetDistDFeInt answer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(answer);
        var received = answer.Documents.Select(z => ReceivedDocument.From(z, _o.MaxDocumentBytes)).ToList();
        if (received.Count == 0)
        {
            return (received, 0);
        }
        var recipients = await SharingAsync(entity, ct).ConfigureAwait(false);
        // A tenant that joined since the last answer first gets everything before this one (else it would stay partial).
        await FillEmptyAsync(entity, recipients, ct).ConfigureAwait(false);
        var fresh = 0;
        foreach (var chunk in received.Chunk(_o.StoreChunkSize))
        {
            foreach (var recipient in recipients)
            {
                var news = await StoreForAsync(recipient, model, chunk, recipient == entity, ct).ConfigureAwait(false);
                fresh += recipient == entity ? news : 0;
            }
            if (hooks.AfterChunkIndexed is { } hook)
            {
                await hook([.. chunk.Select(d => d.Nsu)]).ConfigureAwait(false);
            }
        }
        return (received, fresh);
    }

    /// <summary>True when the entity's tenant already holds received documents of its CNPJ.</summary>
    public Task<bool> HasDocumentsAsync(EntityInfo entity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return documents.AnyAsync(entity.TenantId, entity.Cnpj, ct);
    }

    /// <summary>
    /// Gives every tenant registered with the entity's CNPJ (same environment) whose store is still empty the documents
    /// another of them already received: they share the cursor, so SEFAZ will not send those NSUs again. Callers hold
    /// the cursor's lease (nothing is being stored meanwhile). Returns the documents copied.
    /// </summary>
    public async Task<int> BackfillAsync(EntityInfo entity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return await FillEmptyAsync(entity, await SharingAsync(entity, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
    }

    /// <summary>The entity first, then the other tenants' entities with its CNPJ in its environment.</summary>
    private async Task<List<EntityInfo>> SharingAsync(EntityInfo entity, CancellationToken ct) =>
        [.. (await sameCnpj.ForCnpjAsync(entity.Cnpj, ct).ConfigureAwait(false))
            .Where(e => e.tpAmb == entity.tpAmb && e.TenantId != entity.TenantId)
            .Prepend(entity)];

    private async Task<int> FillEmptyAsync(EntityInfo entity, List<EntityInfo> tenants, CancellationToken ct)
    {
        if (tenants.Count < 2)
        {
            return 0;
        }
        var filled = new List<EntityInfo>();
        var empty = new List<EntityInfo>();
        foreach (var tenant in tenants)
        {
            (await documents.AnyAsync(tenant.TenantId, tenant.Cnpj, ct).ConfigureAwait(false) ? filled : empty).Add(tenant);
        }
        if (filled.Count == 0 || empty.Count == 0)
        {
            return 0;
        }
        var copied = 0;
        foreach (var recipient in empty)
        {
            var nsus = await documents.CopyAsync(filled[0].TenantId, recipient.TenantId, recipient.Cnpj, ct).ConfigureAwait(false);
            foreach (var chunk in nsus.Chunk(_o.StoreChunkSize))
            {
                await queues.SendAsync(_o.NotifyQueue, new MdeNotifyMessage(recipient.TenantId, recipient.Cnpj, chunk), ct: ct).ConfigureAwait(false);
            }
            copied += nsus.Count;
        }
        return copied;
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
