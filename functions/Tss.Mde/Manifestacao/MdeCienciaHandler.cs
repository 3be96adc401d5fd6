using Tss.Contracts.Entities;
using Tss.Mde.Protocol;
using Tss.Runtime.Queues;

namespace Tss.Mde.Manifestacao;

/// <summary>Automatic ciência (210210) for a received NF-e summary; idempotent through <see cref="ManifestacaoService"/>.</summary>
public sealed class MdeCienciaHandler(IEntityDirectory entities, ManifestacaoService manifestacao) : IQueueHandler<MdeCienciaMessage>
{
    public async Task HandleAsync(MdeCienciaMessage message, QueueMessageContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var entity = await entities.FindAsync(message.TenantId, message.Cnpj, ct).ConfigureAwait(false);
        if (entity is not null)
        {
            await manifestacao.SendAsync(entity, message.chNFe, ManifestacaoRequests.Ciencia, null, ct).ConfigureAwait(false);
        }
    }
}
