using Tss.Runtime.Queues;

namespace Tss.Mde.Notifications;

/// <summary>
/// Queue entry point of MD-e notifications: the first attempt of each NSU's webhook (<see cref="MdeNotifications"/>).
/// Failed webhooks are retried by the delivery orchestration, not by redelivering this message; the message fails
/// (and is redelivered) only while a document it announces is not indexed yet.
/// </summary>
internal sealed class MdeNotifyHandler(MdeNotifications notifications) : IQueueHandler<MdeNotifyMessage>
{
    public Task HandleAsync(MdeNotifyMessage message, QueueMessageContext context, CancellationToken ct) => notifications.NotifyAsync(message, ct);
}
