using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Tss.Functions.Durable;
using Tss.Functions.Hosting;
using Tss.Mde.Manifestacao;
using Tss.Mde.Notifications;
using Tss.Pipeline.Events;
using Tss.Pipeline.Messages;
using Tss.Runtime.Queues;
using Tss.Tenancy.Credits;

namespace Tss.Functions.Queues;

/// <summary>
/// Queue triggers for the queues the local host's listeners serve, each running the same keyed handler
/// (<see cref="QueueDispatcher"/>). Settling is the trigger's: success deletes, a throw makes the message visible
/// again, and after host.json's maxDequeueCount it moves to "&lt;queue&gt;-poison" (the local listener's convention).
/// Messages are plain JSON envelopes (host.json messageEncoding "none"), as the senders write them.
/// </summary>
public sealed class QueueFunctions(QueueDispatcher dispatcher, BoundDurableClient bound, ILogger<QueueFunctions> logger)
{
    [Function("AssembleQueue")]
    public Task Assemble([QueueTrigger(QueueTriggerNames.Assemble)] QueueMessage message, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        DispatchAsync<AssembleMessage>(QueueTriggerNames.Assemble, message, client, ct);

    [Function("DistributeQueue")]
    public Task Distribute([QueueTrigger(QueueTriggerNames.Distribute)] QueueMessage message, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        DispatchAsync<DistributeMessage>(QueueTriggerNames.Distribute, message, client, ct);

    [Function("EventsQueue")]
    public Task Events([QueueTrigger(QueueTriggerNames.Events)] QueueMessage message, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        DispatchAsync<EventMessage>(QueueTriggerNames.Events, message, client, ct);

    [Function("MdeNotifyQueue")]
    public Task MdeNotify([QueueTrigger(QueueTriggerNames.MdeNotify)] QueueMessage message, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        DispatchAsync<MdeNotifyMessage>(QueueTriggerNames.MdeNotify, message, client, ct);

    [Function("MdeCienciaQueue")]
    public Task MdeCiencia([QueueTrigger(QueueTriggerNames.MdeCiencia)] QueueMessage message, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        DispatchAsync<MdeCienciaMessage>(QueueTriggerNames.MdeCiencia, message, client, ct);

    [Function("CreditsNotifyQueue")]
    public Task CreditsNotify([QueueTrigger(QueueTriggerNames.CreditsNotify)] QueueMessage message, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        DispatchAsync<LowBalanceMessage>(QueueTriggerNames.CreditsNotify, message, client, ct);

    private async Task DispatchAsync<TMessage>(string queue, QueueMessage message, DurableTaskClient client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        bound.Bind(client);
        var context = new QueueMessageContext(queue, message.MessageId, message.DequeueCount, message.InsertedOn);
        try
        {
            await dispatcher.DispatchAsync<TMessage>(message.Body.ToString(), context, ct).ConfigureAwait(false);
        }
        catch (InvalidQueueMessageException)
        {
            Log.InvalidMessage(logger, queue, message.MessageId, message.DequeueCount);
            throw;
        }
    }
}
