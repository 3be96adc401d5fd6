using System.Globalization;
using Microsoft.Extensions.Logging;
using Tss.Contracts.Delivery;

namespace Tss.Mde.Notifications;

/// <summary>
/// One signed webhook per new MD-e document, through the one delivery pipeline (<see cref="IDeliveryDispatcher"/>):
/// the same envelope (type "mde.document"), signature, address policy, delivery log and retry schedule as NF-e
/// outcomes and events; <see cref="MdeDeliverySource"/> reads the document. The delivery id is "mde-{cnpj}-{NSU}",
/// stable across attempts and replays, so receivers de-duplicate, and a redelivered notify message sends nothing the
/// delivery log already holds.
/// </summary>
internal sealed class MdeNotifications(IDistributionTargets targets, IDeliveryDispatcher dispatcher, ILogger<MdeNotifications> logger)
{
    /// <summary>The first attempt for every NSU of <paramref name="message"/>.</summary>
    /// <exception cref="InvalidOperationException">A document is not indexed yet (the queue redelivers the message).</exception>
    public async Task NotifyAsync(MdeNotifyMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        // MD-e documents go by webhook only: without one there is nothing to read or send (the targets are cached).
        if ((await targets.GetAsync(message.TenantId, message.Cnpj, ct).ConfigureAwait(false)).WebhookUrl is null)
        {
            return;
        }
        foreach (var nsu in message.Nsus)
        {
            // Queued just before the rows were written: a missing row means "not yet" (or a crash that a replay repairs).
            if (!await dispatcher.DispatchAsync(DeliveryType.MdeDocument, Partition(message.TenantId, message.Cnpj), [Key(nsu)], ct).ConfigureAwait(false))
            {
                throw new InvalidOperationException($"MD-e document {message.Cnpj}/{nsu} is not indexed yet.");
            }
            Log.Notified(logger, DeliveryId(message.Cnpj, nsu), "dispatched", null);
        }
    }

    /// <summary>The delivery partition of a company's MD-e documents: "tenant|CNPJ".</summary>
    public static string Partition(string tenantId, string cnpj) => $"{tenantId}|{cnpj}";

    /// <summary>The <c>X-Tss-Delivery</c> of one NSU's webhook.</summary>
    public static string DeliveryId(string cnpj, long nsu) => $"mde-{cnpj}-{nsu}";

    private static string Key(long nsu) => nsu.ToString(CultureInfo.InvariantCulture);
}
