using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.Contracts.Entities;
using Tss.Mde.Cursors;
using Tss.Mde.Documents;
using Tss.Mde.Notifications;
using Tss.Runtime.Queues;

namespace Tss.Mde.Sharing;

/// <summary>
/// Decisions on a later tenant's access to a company's MD-e history. A holder of the history (the company's first
/// tenant, or one granted it) or an operator grants or denies; the decision is recorded (member row + append-only log).
/// A grant copies the history at once, holding the cursor's in-flight marker (no answer is being stored meanwhile); repeating a
/// grant finishes a copy that was interrupted. A grant is final; a denial can be turned into a grant later.
/// </summary>
public sealed class MdeSharingService(MdeSharingStore sharing, IEntitiesByCnpj sameCnpj, CertificateProof proof, MdeDocumentStore documents,
    IQueueSender queues, CursorStore cursors, IOptions<MdeOptions> options, TimeProvider time, ILogger<MdeSharingService> logger)
{
    private const int Model = 55;

    /// <summary>
    /// What <paramref name="caller"/> (already through <see cref="MdeAccess"/>) may read: its own access and, when it holds the
    /// history, the other tenants (those that proved the CNPJ and never used MD-e appear here as pending) and the decisions.
    /// </summary>
    public async Task<MdeSharingView> ViewAsync(EntityInfo caller, MdeMember own, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(own);
        var company = await sharing.CompanyAsync(caller.Cnpj, caller.tpAmb, ct).ConfigureAwait(false);
        if (!own.IsHolder)
        {
            var mine = (await sharing.DecisionsAsync(caller.Cnpj, caller.tpAmb, ct).ConfigureAwait(false)).Where(d => d.TenantId == caller.TenantId);
            return new MdeSharingView(caller.Cnpj, caller.tpAmb, null, own.History, [], [.. mine.Select(MdeSharingDecisionView.From)]);
        }
        foreach (var other in await sameCnpj.ForCnpjAsync(caller.Cnpj, ct).ConfigureAwait(false))
        {
            if (other.tpAmb == caller.tpAmb && other.TenantId != caller.TenantId && await proof.IsProvedAsync(other, ct).ConfigureAwait(false))
            {
                await sharing.EnsureAsync(other, company?.FounderTenantId ?? caller.TenantId, ct).ConfigureAwait(false);
            }
        }
        var view = await OperatorViewAsync(caller.Cnpj, caller.tpAmb, ct).ConfigureAwait(false);
        return view with { History = own.History, Tenants = [.. view.Tenants.Where(t => t.TenantId != caller.TenantId)] };
    }

    /// <summary>Everything recorded for a company (operators).</summary>
    public async Task<MdeSharingView> OperatorViewAsync(string cnpj, int tpAmb, CancellationToken ct)
    {
        var company = await sharing.CompanyAsync(cnpj, tpAmb, ct).ConfigureAwait(false);
        var members = await sharing.MembersAsync(cnpj, tpAmb, ct).ConfigureAwait(false);
        var decisions = await sharing.DecisionsAsync(cnpj, tpAmb, ct).ConfigureAwait(false);
        return new MdeSharingView(cnpj, tpAmb, company?.FounderTenantId, null, [.. members.OrderBy(m => m.JoinedAt).Select(MdeSharingRequest.From)],
            [.. decisions.Select(MdeSharingDecisionView.From)]);
    }

    /// <summary>
    /// Grants or denies <paramref name="tenantId"/> the history of the company <paramref name="cnpj"/> in <paramref name="tpAmb"/>.
    /// <paramref name="decider"/> is the deciding tenant's member row (it must hold the history), or null for an operator;
    /// <paramref name="by"/> names who decides ("tenant:{id}" or "operator:{name}").
    /// </summary>
    /// <exception cref="MdeException">Not a holder, no such tenant, a denial after a grant, or the cursor busy (the grant is then
    /// recorded and the copy runs when the grant is repeated).</exception>
    public async Task<MdeSharingRequest> DecideAsync(string cnpj, int tpAmb, string tenantId, bool grant, MdeMember? decider, string by, CancellationToken ct)
    {
        if (decider is not null && (!decider.IsHolder || decider.TenantId == tenantId))
        {
            throw new MdeException(MdeErrorCodes.SharingNotHolder,
                "Só quem já tem o histórico de MD-e da empresa (o primeiro cliente ou um autorizado) ou o operador pode decidir sobre o compartilhamento.");
        }
        var member = await sharing.FindAsync(cnpj, tpAmb, tenantId, ct).ConfigureAwait(false);
        if (member is null || member.Access == HistoryAccess.Owner)
        {
            throw new MdeException(MdeErrorCodes.SharingRequestNotFound, $"Nenhum pedido de compartilhamento do cliente '{tenantId}' para esta empresa.");
        }
        var decision = grant ? HistoryAccess.Granted : HistoryAccess.Denied;
        if (member.Access == HistoryAccess.Granted && !grant)
        {
            throw new MdeException(MdeErrorCodes.SharingAlreadyGranted, "O histórico já foi compartilhado com este cliente; a autorização não pode ser desfeita.");
        }
        if (member.Access != decision)
        {
            var now = time.GetUtcNow();
            member = await sharing.UpdateAsync(member, m =>
            {
                if (m.Access == HistoryAccess.Granted)
                {
                    return false;
                }
                m.History = decision.ToString();
                m.DecidedBy = by;
                m.DecidedAt = now;
                return true;
            }, ct).ConfigureAwait(false);
            if (member.Access == decision)
            {
                await sharing.AppendDecisionAsync(new MdeSharingDecision
                {
                    PartitionKey = member.PartitionKey,
                    RowKey = MdeSharingDecision.RowKeyFor(now, tenantId),
                    TenantId = tenantId,
                    Decision = decision.ToString(),
                    By = by,
                    At = now,
                }, ct).ConfigureAwait(false);
                Log.SharingDecided(logger, cnpj, tenantId, decision.ToString(), by);
            }
        }
        if (member.Access == HistoryAccess.Granted && member.HistoryCopiedAt is null)
        {
            member = await CopyHistoryAsync(member, ct).ConfigureAwait(false);
        }
        return MdeSharingRequest.From(member);
    }

    /// <summary>
    /// Copies what a holder received up to the tenant's start (everything when it has none yet), holding the cursor's
    /// in-flight marker (waits for a running pass, then busy). No cursor yet means nothing was ever synced to copy.
    /// </summary>
    private async Task<MdeMember> CopyHistoryAsync(MdeMember member, CancellationToken ct)
    {
        if (await cursors.FindAsync(member.Cnpj, Model, member.tpAmb, ct).ConfigureAwait(false) is not { } cursor)
        {
            return await CopyHeldAsync(member, ct).ConfigureAwait(false);
        }
        var owner = "copy:" + Guid.NewGuid().ToString("N");
        cursor = await cursors.ClaimWaitingAsync(cursor, owner, ct).ConfigureAwait(false);
        try
        {
            return await CopyHeldAsync(member, ct).ConfigureAwait(false);
        }
        finally
        {
            await cursors.ReleaseAsync(cursor, owner).ConfigureAwait(false);
        }
    }

    private async Task<MdeMember> CopyHeldAsync(MdeMember member, CancellationToken ct)
    {
        var company = await sharing.CompanyAsync(member.Cnpj, member.tpAmb, ct).ConfigureAwait(false);
        var holders = (await sharing.MembersAsync(member.Cnpj, member.tpAmb, ct).ConfigureAwait(false))
            .Where(m => m.IsHolder && m.TenantId != member.TenantId)
            .OrderBy(m => m.TenantId == company?.FounderTenantId ? 0 : 1)
            .ToList();
        // Re-read while holding the marker: its start may have been fixed since.
        member = await sharing.FindAsync(member.Cnpj, member.tpAmb, member.TenantId, ct).ConfigureAwait(false) ?? member;
        IReadOnlyList<long> copied = [];
        foreach (var source in holders)
        {
            if (await documents.AnyAsync(source.TenantId, member.Cnpj, ct).ConfigureAwait(false))
            {
                copied = await documents.CopyAsync(source.TenantId, member.TenantId, member.Cnpj, member.FromNsu ?? long.MaxValue, ct).ConfigureAwait(false);
                break;
            }
        }
        foreach (var chunk in copied.Chunk(options.Value.StoreChunkSize))
        {
            await queues.SendAsync(options.Value.NotifyQueue, new MdeNotifyMessage(member.TenantId, member.Cnpj, chunk), ct: ct).ConfigureAwait(false);
        }
        var at = time.GetUtcNow();
        Log.HistoryCopied(logger, member.Cnpj, member.TenantId, copied.Count);
        return await sharing.UpdateAsync(member, m =>
        {
            m.HistoryCopiedAt = at;
            m.HistoryCopied = copied.Count;
            return true;
        }, ct).ConfigureAwait(false);
    }
}
