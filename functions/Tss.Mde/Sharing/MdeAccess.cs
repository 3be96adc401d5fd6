using Tss.Contracts.Entities;
using Tss.Mde.Cursors;
using Tss.Mde.Sync;

namespace Tss.Mde.Sharing;

/// <summary>
/// The gate of every MD-e operation on an entity: its own certificate (<see cref="CertificateProof"/>), then its member
/// row for the company (created on first sight; the tenant the shared cursor was created for is the owner). The first
/// sight of a proved entity also starts the cursor's orchestration (idempotent).
/// </summary>
public sealed class MdeAccess(CertificateProof proof, MdeSharingStore sharing, CursorStore cursors, IMdeCursorRunner runner)
{
    /// <summary>The entity's member row once it has proved the CNPJ.</summary>
    /// <exception cref="MdeException"><see cref="MdeErrorCodes.CertificateRequired"/>: refused, nothing read or written.</exception>
    public async Task<MdeMember> RequireAsync(EntityInfo entity, int model, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entity);
        await proof.RequireAsync(entity, ct).ConfigureAwait(false);
        if (await sharing.FindAsync(entity.Cnpj, entity.tpAmb, entity.TenantId, ct).ConfigureAwait(false) is { } member)
        {
            return member;
        }
        // A company synced before sharing rows existed: the cursor names the tenant that created it.
        var cursor = await cursors.FindAsync(entity.Cnpj, model, entity.tpAmb, ct).ConfigureAwait(false);
        var joined = await sharing.EnsureAsync(entity, cursor?.TenantId is { Length: > 0 } first ? first : entity.TenantId, ct).ConfigureAwait(false);
        if (cursor is not null)
        {
            // A tenant that proved the CNPJ may carry on a cursor whose orchestration ended with no one to sync it.
            await runner.EnsureRunningAsync(entity.Cnpj, model, entity.tpAmb, ct).ConfigureAwait(false);
        }
        return joined;
    }
}
