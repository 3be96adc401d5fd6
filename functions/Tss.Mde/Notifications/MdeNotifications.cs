using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.Contracts.Delivery;
using Tss.Mde.Documents;
using Tss.Pipeline.Distribution;
using Tss.Pipeline.Distribution.Internal;

namespace Tss.Mde.Notifications;

/// <summary>
/// One signed webhook per new MD-e document, through the pipeline's webhook client (address policy, HMAC signature,
/// caps). The delivery id is "mde-{cnpj}-{NSU}", stable across attempts and replays, so receivers de-duplicate. The
/// notify queue's handler makes the first attempt; a retryable failure hands that NSU to <see cref="Deliveries"/>
/// (the same delivery orchestration and schedule as NF-e webhooks), which calls <see cref="AttemptAsync"/> back.
/// MD-e notifications keep no delivery-log rows: the orchestration counts the attempts.
/// </summary>
internal sealed class MdeNotifications(
    IDistributionTargets targets,
    MdeDocumentStore documents,
    WebhookClient webhooks,
    Deliveries deliveries,
    IOptions<DistributionOptions> options,
    TimeProvider time,
    ILogger<MdeNotifications> logger) : IDeliverer
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public IReadOnlyCollection<string> Kinds { get; } = [DeliveryKinds.MdeDocument];

    /// <summary>The first attempt for every NSU of <paramref name="message"/>.</summary>
    /// <exception cref="InvalidOperationException">A document is not indexed yet (the queue redelivers the message).</exception>
    public async Task NotifyAsync(MdeNotifyMessage message, CancellationToken ct)
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
            var now = time.GetUtcNow();
            var result = await SendAsync(target, message.Cnpj, nsu, row, 1, now, ct).ConfigureAwait(false);
            var (state, next) = RetryPlan.After(1, result, now, options.Value.EffectiveRetrySchedule);
            if (state == DeliveryState.Retrying)
            {
                await deliveries.RetryLaterAsync(Request(message.TenantId, message.Cnpj, nsu), 1, next!.Value, ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>A retry attempt of one NSU's webhook (called by the delivery orchestration).</summary>
    public async Task<DeliveryStep> AttemptAsync(DeliveryRequest request, int attempt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var split = request.Partition.LastIndexOf('|');
        var tenantId = request.Partition[..split];
        var cnpj = request.Partition[(split + 1)..];
        var nsu = long.Parse(request.Keys[0], CultureInfo.InvariantCulture);
        var target = await targets.GetAsync(tenantId, cnpj, ct).ConfigureAwait(false);
        var row = await documents.FindByNsuAsync(tenantId, cnpj, nsu, ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var result = target.WebhookUrl is null ? AttemptResult.Fatal(null, "target_removed", 0)
            : row is null ? AttemptResult.Fatal(null, "document_missing", 0)
            : await SendAsync(target, cnpj, nsu, row, attempt, now, ct).ConfigureAwait(false);
        if (target.WebhookUrl is null || row is null)
        {
            Log.Notified(logger, request.DeliveryId, "refused", result.Error);
        }
        var (state, next) = RetryPlan.After(attempt, result, now, options.Value.EffectiveRetrySchedule);
        return new DeliveryStep(state, attempt, next);
    }

    /// <summary>The retry request of one NSU: partition "tenant|CNPJ", key = the NSU.</summary>
    public static DeliveryRequest Request(string tenantId, string cnpj, long nsu) =>
        new(DeliveryKinds.MdeDocument, $"{tenantId}|{cnpj}", DeliveryId(cnpj, nsu), DeliveryChannel.Webhook, [nsu.ToString(CultureInfo.InvariantCulture)]);

    public static string DeliveryId(string cnpj, long nsu) => $"mde-{cnpj}-{nsu}";

    private async Task<AttemptResult> SendAsync(DistributionTargets target, string cnpj, long nsu, MdeDocumentRecord row, int attempt, DateTimeOffset now, CancellationToken ct)
    {
        var payload = new MdeWebhookPayload("mde.document", cnpj, nsu, row.Type, row.Schema, row.chNFe, row.EmitCnpj, row.xNome, row.vNF,
            $"/api/v1/entities/{cnpj}/mde/documents/by-nsu/{nsu}/xml");
        var deliveryId = DeliveryId(cnpj, nsu);
        var result = await webhooks.SendAsync(target.WebhookUrl!, target.WebhookSecret, deliveryId, attempt,
            JsonSerializer.SerializeToUtf8Bytes(payload, Json), now, ct).ConfigureAwait(false);
        Log.Notified(logger, deliveryId, result.Success ? "delivered" : result.Permanent ? "refused" : "failed", result.Error);
        return result;
    }
}
