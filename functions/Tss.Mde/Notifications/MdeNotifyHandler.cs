using System.Text.Json;
using Microsoft.Extensions.Logging;
using Tss.Mde.Documents;
using Tss.Pipeline.Distribution;
using Tss.Pipeline.Distribution.Internal;
using Tss.Runtime.Queues;

namespace Tss.Mde.Notifications;

/// <summary>
/// One signed webhook per new document, through the pipeline's webhook client (address policy, HMAC signature,
/// caps). The delivery id is "mde-{cnpj}-{NSU}", stable across retries and replays, so receivers de-duplicate.
/// A transient failure throws: the queue redelivers the message (documents already delivered are sent again with the
/// same delivery id).
/// </summary>
internal sealed class MdeNotifyHandler(IDistributionTargets targets, MdeDocumentStore documents, WebhookClient webhooks, TimeProvider time,
    ILogger<MdeNotifyHandler> logger) : IQueueHandler<MdeNotifyMessage>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task HandleAsync(MdeNotifyMessage message, QueueMessageContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var target = await targets.GetAsync(message.TenantId, message.Cnpj, ct).ConfigureAwait(false);
        if (target.WebhookUrl is null)
        {
            return;
        }
        foreach (var nsu in message.Nsus)
        {
            // Queued just before the rows were written: a missing row means "not yet" (or a crash that a replay repairs).
            var row = await documents.FindByNsuAsync(message.TenantId, message.Cnpj, nsu, ct).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"MD-e document {message.Cnpj}/{nsu} is not indexed yet.");
            var payload = new MdeWebhookPayload("mde.document", message.Cnpj, nsu, row.Type, row.Schema, row.chNFe, row.EmitCnpj, row.xNome, row.vNF,
                $"/api/v1/entities/{message.Cnpj}/mde/documents/by-nsu/{nsu}/xml");
            var deliveryId = $"mde-{message.Cnpj}-{nsu}";
            var result = await webhooks.SendAsync(target.WebhookUrl, target.WebhookSecret, deliveryId, (int)context.DequeueCount,
                JsonSerializer.SerializeToUtf8Bytes(payload, Json), time.GetUtcNow(), ct).ConfigureAwait(false);
            Log.Notified(logger, deliveryId, result.Success ? "delivered" : result.Permanent ? "refused" : "failed", result.Error);
            if (!result.Success && !result.Permanent)
            {
                throw new HttpRequestException($"Webhook {deliveryId} failed: {result.Error}");
            }
        }
    }
}
