using System.Collections.Concurrent;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.Runtime.Queues.Internal;
using Tss.Runtime.Storage;

namespace Tss.Runtime.Queues;

/// <summary>
/// The queue trigger: receives batches from one queue, runs <see cref="IQueueHandler{TMessage}"/> (one DI scope per
/// message) with bounded concurrency, keeps each message leased while its handler runs, deletes it on success,
/// leaves it to reappear on failure, moves it to <c>&lt;queue&gt;-poison</c> after the maximum dequeue count, backs
/// off exponentially while the queue is idle, re-delays durable timers that surface early, and on shutdown stops
/// receiving and waits for the handlers in flight (cancelling them when the host's shutdown timeout runs out).
/// </summary>
/// <remarks>Registered by <c>AddQueueHandler</c>; one instance per queue.</remarks>
public sealed partial class QueueListener<TMessage> : BackgroundService
{
    private readonly QueueListenerOptions options;
    private readonly QueueClient queue;
    private readonly QueueClient poisonQueue;
    private readonly IServiceScopeFactory scopes;
    private readonly QueueWakeups wakeups;
    private readonly QueueSerializationOptions serialization;
    private readonly TimeProvider clock;
    private readonly ILogger logger;
    private readonly SemaphoreSlim slots;
    private readonly CancellationTokenSource handlersCancellation = new();
    private readonly ConcurrentDictionary<long, Task> inFlight = new();
    private long sequence;

    internal QueueListener(
        string queueName,
        StorageClients storage,
        IOptionsMonitor<QueueListenerOptions> options,
        IOptions<QueueSerializationOptions> serialization,
        IServiceScopeFactory scopes,
        QueueWakeups wakeups,
        TimeProvider clock,
        ILogger<QueueListener<TMessage>> logger)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(serialization);
        this.options = options.Get(queueName);
        queue = storage.GetQueue(this.options.QueueName);
        poisonQueue = storage.GetQueue(QueueNames.Poison(this.options.QueueName));
        this.scopes = scopes;
        this.wakeups = wakeups;
        this.serialization = serialization.Value;
        this.clock = clock;
        this.logger = logger;
        slots = new SemaphoreSlim(this.options.MaxConcurrency, this.options.MaxConcurrency);
    }

    /// <summary>The queue this listener serves.</summary>
    public string QueueName => options.QueueName;

    /// <summary>Creates the queue and its poison queue, then starts receiving.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await poisonQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        Log.ListenerStarted(logger, QueueName, options.BatchSize, options.MaxConcurrency, options.VisibilityTimeout);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Stops receiving and waits for the handlers in flight; when <paramref name="cancellationToken"/> (the host's
    /// shutdown timeout) fires first, the handlers are cancelled and their messages released.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        using var timeout = cancellationToken.Register(handlersCancellation.Cancel);
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (cancellationToken.IsCancellationRequested)
        {
            // The host gave up waiting: let the cancelled handlers settle their messages before the host disposes us.
            await Task.WhenAll(inFlight.Values).WaitAsync(TimeSpan.FromSeconds(5), TimeProvider.System, CancellationToken.None)
                .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        Log.ListenerStopped(logger, QueueName);
    }

    public override void Dispose()
    {
        handlersCancellation.Dispose();
        slots.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = options.IdleBackoffMin;
        while (!stoppingToken.IsCancellationRequested)
        {
            // Take the free handler slots first and ask for no more messages than can start now, so no received
            // message waits (its visibility clock running) for a slot.
            if (!await WaitForSlotAsync(stoppingToken).ConfigureAwait(false))
            {
                break;
            }
            var taken = 1;
            while (taken < options.BatchSize && slots.Wait(0))
            {
                taken++;
            }

            QueueMessage[] messages;
            try
            {
                messages = (await queue.ReceiveMessagesAsync(taken, options.VisibilityTimeout, stoppingToken).ConfigureAwait(false)).Value;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                slots.Release(taken);
                break;
            }
            catch (Exception e)
            {
                slots.Release(taken);
                Log.ReceiveFailed(logger, e, QueueName, options.IdleBackoffMax);
                await DelayAsync(options.IdleBackoffMax, stoppingToken).ConfigureAwait(false);
                continue;
            }

            if (taken > messages.Length)
            {
                slots.Release(taken - messages.Length);
            }
            if (messages.Length == 0)
            {
                // Idle: back off exponentially, unless this instance announces a message for the queue meanwhile.
                var woken = await wakeups.WaitAsync(QueueName, backoff, stoppingToken).ConfigureAwait(false);
                backoff = woken ? options.IdleBackoffMin : TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, options.IdleBackoffMax.Ticks));
                continue;
            }

            backoff = options.IdleBackoffMin;
            foreach (var message in messages)
            {
                Track(ProcessAsync(message));
            }
        }

        await Task.WhenAll(inFlight.Values).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task<bool> WaitForSlotAsync(CancellationToken stoppingToken)
    {
        try
        {
            await slots.WaitAsync(stoppingToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void Track(Task processing)
    {
        var id = Interlocked.Increment(ref sequence);
        inFlight[id] = processing;
        // Remove on completion; if it already completed, the continuation runs at once.
        processing.ContinueWith(_ => inFlight.TryRemove(id, out Task? _), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Idle and error waits: polling cost is real time, so the real clock, not the injected one.</summary>
    private static Task DelayAsync(TimeSpan delay, CancellationToken ct) =>
        Task.Delay(delay, TimeProvider.System, ct).ContinueWith(static _ => { }, CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
}
