using Tss.Contracts.Entities;

namespace Tss.Mde.Sharing;

/// <summary>
/// Who else gets an answer's documents. Every tenant holding the CNPJ in the environment that proved it (a certificate
/// of its own): the holders of the history everything, the others what comes after they joined. The tenants come from
/// the sharing rows (read fresh) and from the entities with the CNPJ (a tenant that never used MD-e joins here); a
/// tenant's start (<see cref="MdeMember.FromNsu"/>) is fixed here, under the cursor's in-flight marker, at the ultNSU the answer
/// continues from, so no answer falls between its history and its share.
/// </summary>
public sealed class MdeRecipients(MdeSharingStore sharing, IEntitiesByCnpj sameCnpj, IEntityDirectory entities, CertificateProof proof)
{
    /// <summary>The other tenants' entities and their member rows; also fixes the syncing tenant's own start.</summary>
    public async Task<IReadOnlyList<(EntityInfo Entity, MdeMember Member)>> OthersAsync(EntityInfo entity, long continuedFrom, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var members = (await sharing.MembersAsync(entity.Cnpj, entity.tpAmb, ct).ConfigureAwait(false)).ToDictionary(m => m.TenantId, StringComparer.Ordinal);
        var candidates = new Dictionary<string, EntityInfo>(StringComparer.Ordinal);
        foreach (var e in await sameCnpj.ForCnpjAsync(entity.Cnpj, ct).ConfigureAwait(false))
        {
            if (e.tpAmb == entity.tpAmb && e.TenantId != entity.TenantId)
            {
                candidates[e.TenantId] = e;
            }
        }
        foreach (var tenantId in members.Keys.Where(t => t != entity.TenantId && !candidates.ContainsKey(t)))
        {
            if (await entities.FindAsync(tenantId, entity.Cnpj, ct).ConfigureAwait(false) is { } e && e.tpAmb == entity.tpAmb)
            {
                candidates[tenantId] = e;
            }
        }
        if (members.TryGetValue(entity.TenantId, out var own))
        {
            await StartAsync(own, continuedFrom, ct).ConfigureAwait(false);
        }
        var result = new List<(EntityInfo, MdeMember)>();
        foreach (var other in candidates.Values)
        {
            if (!await proof.IsProvedAsync(other, ct).ConfigureAwait(false))
            {
                continue;
            }
            // The company row exists: the syncing entity passed MdeAccess before asking SEFAZ.
            var member = members.TryGetValue(other.TenantId, out var m) ? m : await sharing.EnsureAsync(other, entity.TenantId, ct).ConfigureAwait(false);
            result.Add((other, await StartAsync(member, continuedFrom, ct).ConfigureAwait(false)));
        }
        return result;
    }

    private async Task<MdeMember> StartAsync(MdeMember member, long continuedFrom, CancellationToken ct) =>
        member.FromNsu is not null || member.IsHolder
            ? member
            : await sharing.UpdateAsync(member, m =>
            {
                if (m.FromNsu is not null)
                {
                    return false;
                }
                m.FromNsu = continuedFrom;
                return true;
            }, ct).ConfigureAwait(false);
}
