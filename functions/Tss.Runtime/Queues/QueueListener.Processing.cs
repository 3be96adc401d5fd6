using Azure;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.DependencyInjection;
using Tss.Runtime.Queues.Internal;

namespace Tss.Runtime.Queues;

/// <summary>One message: decode, timer check, handler under a renewed lease, then delete, retry or poison.</summary>
public sealed partial class QueueListener<TMessage>
{
    private async Task ProcessAsync(QueueMessage message)
    {
        try
        {
            await Task.Yield(); // leave the receive loop at once; handlers run concurrently
            await ProcessCoreAsync(message).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Storage failures while settling: the message simply reappears when its lease ends.
            Log.SettleFailed(logger, e, QueueName, message.MessageId);
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task ProcessCoreAsync(QueueMessage message)
    {
        if (message.DequeueCount > options.MaxDequeueCount)
        {
            // Delivered too often without being settled (e.g. it crashes the process): do not run it again.
            await MoveToPoisonAsync(message, message.PopReceipt, "maximum dequeue count exceeded").ConfigureAwait(false);
            return;
        }
        if (!QueueEnvelope.TryRead<TMessage>(message.MessageText, serialization.SerializerOptions, out var body))
        {
            await MoveToPoisonAsync(message, message.PopReceipt, $"not a {typeof(TMessage).Name} message").ConfigureAwait(false);
            return;
        }

        var context = new QueueMessageContext(QueueName, message.MessageId, message.DequeueCount, message.InsertedOn);
        var lease = new MessageLease(queue, message.MessageId, message.PopReceipt, options.VisibilityTimeout, logger);
        Exception? failure = null;
        lease.Start();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetRequiredKeyedService<IQueueHandler<TMessage>>(QueueName);
            await handler.HandleAsync(body!, context, handlersCancellation.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            failure = e;
        }
        finally
        {
            await lease.StopAsync().ConfigureAwait(false);
        }

        if (failure is null)
        {
            await DeleteAsync(message.MessageId, lease.PopReceipt).ConfigureAwait(false);
        }
        else if (failure is OperationCanceledException && handlersCancellation.IsCancellationRequested)
        {
            Log.HandlerCancelledAtShutdown(logger, QueueName, message.MessageId);
            await queue.UpdateMessageAsync(message.MessageId, lease.PopReceipt, visibilityTimeout: TimeSpan.Zero).ConfigureAwait(false);
            wakeups.Notify(QueueName, TimeSpan.Zero);
        }
        else
        {
            Log.HandlerFailed(logger, failure, QueueName, message.MessageId, message.DequeueCount, options.MaxDequeueCount);
            if (message.DequeueCount >= options.MaxDequeueCount)
            {
                await MoveToPoisonAsync(message, lease.PopReceipt, $"handler failed: {failure.GetType().Name}").ConfigureAwait(false);
            }
            else if (options.FailureVisibilityDelay is { } delay)
            {
                await queue.UpdateMessageAsync(message.MessageId, lease.PopReceipt, visibilityTimeout: delay).ConfigureAwait(false);
                wakeups.Notify(QueueName, delay);
            }
        }
    }

    private async Task DeleteAsync(string messageId, string popReceipt)
    {
        try
        {
            await queue.DeleteMessageAsync(messageId, popReceipt).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 400)
        {
            // The lease was lost (renewal too late) and the message is someone else's now; handlers are idempotent.
            Log.DeleteFailed(logger, e, QueueName, messageId);
        }
    }

    /// <summary>Copies the original text to the poison queue, then deletes the message (a crash in between leaves a duplicate, never a loss).</summary>
    private async Task MoveToPoisonAsync(QueueMessage message, string popReceipt, string reason)
    {
        await poisonQueue.SendMessageAsync(message.MessageText, TimeSpan.Zero, QueueSender.NeverExpires).ConfigureAwait(false);
        await DeleteAsync(message.MessageId, popReceipt).ConfigureAwait(false);
        Log.MovedToPoison(logger, QueueName, message.MessageId, message.DequeueCount, reason);
    }
}
