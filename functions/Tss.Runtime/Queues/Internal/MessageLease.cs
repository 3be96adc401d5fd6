using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;

namespace Tss.Runtime.Queues.Internal;

/// <summary>
/// Keeps a received message invisible while its handler runs: every half visibility timeout it extends the
/// visibility and keeps the new pop receipt, which the final delete or update must use.
/// </summary>
/// <remarks>Visibility is kept by the storage service in real time, so renewal runs on the real clock, never on a scaled or fake one.</remarks>
internal sealed class MessageLease
{
    private readonly QueueClient queue;
    private readonly string messageId;
    private readonly TimeSpan visibility;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stop = new();
    private Task? renewal;

    public MessageLease(QueueClient queue, string messageId, string popReceipt, TimeSpan visibility, ILogger logger)
    {
        this.queue = queue;
        this.messageId = messageId;
        this.visibility = visibility;
        this.logger = logger;
        PopReceipt = popReceipt;
    }

    /// <summary>The current pop receipt (changes on every renewal).</summary>
    public string PopReceipt { get; private set; }

    public void Start() => renewal = RenewAsync(stop.Token);

    /// <summary>Stops renewing; afterwards <see cref="PopReceipt"/> is final.</summary>
    public async Task StopAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        if (renewal is not null)
        {
            await renewal.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        stop.Dispose();
    }

    private async Task RenewAsync(CancellationToken ct)
    {
        var interval = visibility / 2;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, TimeProvider.System, ct).ConfigureAwait(false);
                // Not cancellable: a renewal that reached the service must deliver its new pop receipt, or the
                // final delete would present a stale one.
                var receipt = await queue.UpdateMessageAsync(messageId, PopReceipt, visibilityTimeout: visibility, cancellationToken: CancellationToken.None).ConfigureAwait(false);
                PopReceipt = receipt.Value.PopReceipt;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Usually the lease already expired and another consumer holds the message: nothing more to renew.
                Log.LeaseRenewalFailed(logger, e, queue.Name, messageId);
                return;
            }
        }
    }
}
