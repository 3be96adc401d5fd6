using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tss.Runtime.Queues.Internal;

namespace Tss.Runtime.Queues;

/// <summary>
/// Runs one received message through the handler registered for its queue (<see cref="QueueServiceCollectionExtensions.AddQueueHandler"/>),
/// for hosts whose own trigger receives the message (the Azure Functions app's queue triggers) instead of a
/// <see cref="QueueListener{TMessage}"/>. Same envelope and handler scope as the listener; settling (delete, retry,
/// poison queue <see cref="QueueNames.Poison"/>) is the trigger's: a throw leaves the message to be retried.
/// </summary>
public sealed class QueueDispatcher(IServiceScopeFactory scopes, IOptions<QueueSerializationOptions> serialization)
{
    /// <summary>Decodes <paramref name="text"/> and runs the keyed handler of <paramref name="context"/>'s queue in its own scope.</summary>
    /// <exception cref="InvalidQueueMessageException">The text is not a <typeparamref name="TMessage"/> envelope (retried, then poisoned, by the trigger).</exception>
    public async Task DispatchAsync<TMessage>(string text, QueueMessageContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(context);
        if (!QueueEnvelope.TryRead<TMessage>(text, serialization.Value.SerializerOptions, out var body))
        {
            throw new InvalidQueueMessageException(context.QueueName, context.MessageId, typeof(TMessage).Name);
        }
        await using var scope = scopes.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredKeyedService<IQueueHandler<TMessage>>(context.QueueName);
        await handler.HandleAsync(body!, context, ct).ConfigureAwait(false);
    }
}
