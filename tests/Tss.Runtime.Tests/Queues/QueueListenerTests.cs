using System.Collections.Concurrent;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Tss.Runtime.Queues;
using Tss.Runtime.Storage;
using Tss.Runtime.Tests.Support;
using Tss.Testing.Azurite;

namespace Tss.Runtime.Tests.Queues;

public sealed class QueueListenerTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Listener_handles_every_message_once_and_deletes_it()
    {
        var queueName = azurite.UniqueName("handled");
        var handled = new ConcurrentDictionary<string, int>();
        using var host = await RuntimeHost.StartListenerAsync(azurite, queueName, (m, _, _) =>
        {
            handled.AddOrUpdate(m.Id, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        });
        var sender = host.Services.GetRequiredService<IQueueSender>();

        var ids = Enumerable.Range(0, 40).Select(i => $"doc-{i}").ToArray();
        await Task.WhenAll(ids.Select(id => sender.SendAsync(queueName, new TestMessage(id), ct: TestContext.Current.CancellationToken)));

        await RuntimeHost.WaitUntilAsync(() => handled.Count == ids.Length, Patience, "all messages handled");
        await host.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(ids.Order(), handled.Keys.Order());
        Assert.All(handled.Values, count => Assert.Equal(1, count));
        var rest = await new QueueClient(azurite.ConnectionString, queueName).PeekMessagesAsync(32, TestContext.Current.CancellationToken);
        Assert.Empty(rest.Value);
    }

    [Fact]
    public async Task Concurrency_limit_is_respected()
    {
        var queueName = azurite.UniqueName("concurrency");
        var running = 0;
        var maxRunning = 0;
        var done = 0;
        using var host = await RuntimeHost.StartListenerAsync(azurite, queueName, async (_, _, ct) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref maxRunning, now);
            await Task.Delay(150, ct);
            Interlocked.Decrement(ref running);
            Interlocked.Increment(ref done);
        }, o =>
        {
            o.MaxConcurrency = 3;
            o.BatchSize = 32;
        });
        var sender = host.Services.GetRequiredService<IQueueSender>();

        await Task.WhenAll(Enumerable.Range(0, 15).Select(i => sender.SendAsync(queueName, new TestMessage($"m{i}"), ct: TestContext.Current.CancellationToken)));
        await RuntimeHost.WaitUntilAsync(() => Volatile.Read(ref done) == 15, Patience, "15 messages handled");
        await host.StopAsync(TestContext.Current.CancellationToken);

        Assert.InRange(maxRunning, 2, 3); // ran in parallel, never above the limit
    }

    [Fact]
    public async Task Failing_message_is_retried_then_moved_to_the_poison_queue_with_its_body()
    {
        var queue = await azurite.CreateQueueAsync("failing");
        var poison = new QueueClient(azurite.ConnectionString, QueueNames.Poison(queue.Name));
        const string Body = """{"body":{"id":"doc-42","number":7}}""";
        await queue.SendMessageAsync(Body, TestContext.Current.CancellationToken);

        var attempts = new ConcurrentBag<long>();
        using var host = await RuntimeHost.StartListenerAsync(azurite, queue.Name, (message, context, _) =>
        {
            Assert.Equal(new TestMessage("doc-42", 7), message);
            attempts.Add(context.DequeueCount);
            throw new InvalidOperationException("handler bug");
        }, o =>
        {
            o.MaxDequeueCount = 3;
            o.FailureVisibilityDelay = TimeSpan.Zero;
        });

        await RuntimeHost.WaitUntilAsync(async () => (await poison.PeekMessagesAsync(1)).Value.Length == 1, Patience, "the poison message");
        await host.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal([1L, 2L, 3L], attempts.Order());
        var poisoned = (await poison.ReceiveMessagesAsync(32, cancellationToken: TestContext.Current.CancellationToken)).Value;
        Assert.Equal(Body, Assert.Single(poisoned).MessageText);
        Assert.Empty((await queue.PeekMessagesAsync(32, TestContext.Current.CancellationToken)).Value);
    }

    [Fact]
    public async Task Unreadable_message_goes_to_the_poison_queue_without_reaching_the_handler()
    {
        var queueName = azurite.UniqueName("unreadable");
        var handled = 0;
        using var host = await RuntimeHost.StartListenerAsync(azurite, queueName, (_, _, _) =>
        {
            Interlocked.Increment(ref handled);
            return Task.CompletedTask;
        });
        var poison = new QueueClient(azurite.ConnectionString, QueueNames.Poison(queueName));

        await new QueueClient(azurite.ConnectionString, queueName).SendMessageAsync("<not json>", TestContext.Current.CancellationToken);

        await RuntimeHost.WaitUntilAsync(async () => (await poison.PeekMessagesAsync(1)).Value.Length == 1, Patience, "the poison message");
        await host.StopAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, handled);
        Assert.Equal("<not json>", (await poison.PeekMessageAsync(TestContext.Current.CancellationToken)).Value.MessageText);
    }

    [Fact]
    public async Task Lease_renewal_keeps_a_long_handlers_message_invisible()
    {
        var queueName = azurite.UniqueName("longrunning");
        var deliveries = 0;
        var finished = 0;
        using var host = await RuntimeHost.StartListenerAsync(azurite, queueName, async (_, _, ct) =>
        {
            Interlocked.Increment(ref deliveries);
            await Task.Delay(TimeSpan.FromSeconds(5), ct); // 2.5 × the visibility timeout
            Interlocked.Increment(ref finished);
        }, o =>
        {
            o.VisibilityTimeout = TimeSpan.FromSeconds(2);
            o.MaxConcurrency = 4; // free slots, so the listener keeps polling while the handler runs
        });
        var sender = host.Services.GetRequiredService<IQueueSender>();

        await sender.SendAsync(queueName, new TestMessage("slow"), ct: TestContext.Current.CancellationToken);
        await RuntimeHost.WaitUntilAsync(() => Volatile.Read(ref finished) == 1, Patience, "the slow handler");
        await Task.Delay(TimeSpan.FromSeconds(2.5), TestContext.Current.CancellationToken); // had the delete failed, it would be back now
        await host.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, deliveries);
        Assert.Empty((await new QueueClient(azurite.ConnectionString, queueName).PeekMessagesAsync(32, TestContext.Current.CancellationToken)).Value);
    }

    [Fact]
    public async Task Graceful_shutdown_waits_for_the_handler_in_flight()
    {
        var queueName = azurite.UniqueName("shutdown");
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var completed = false;
        var cancelled = false;
        using var host = await RuntimeHost.StartListenerAsync(azurite, queueName, async (_, _, ct) =>
        {
            started.TrySetResult();
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1.5), ct);
                completed = true;
            }
            catch (OperationCanceledException)
            {
                cancelled = true;
                throw;
            }
        });
        var sender = host.Services.GetRequiredService<IQueueSender>();

        await sender.SendAsync(queueName, new TestMessage("in-flight"), ct: TestContext.Current.CancellationToken);
        await started.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);
        await host.StopAsync(TestContext.Current.CancellationToken);

        Assert.True(completed, "StopAsync returned before the handler finished");
        Assert.False(cancelled);
        Assert.Empty((await new QueueClient(azurite.ConnectionString, queueName).PeekMessagesAsync(32, TestContext.Current.CancellationToken)).Value);
    }

    [Fact]
    public async Task Shutdown_timeout_cancels_the_handler_and_releases_its_message()
    {
        var queueName = azurite.UniqueName("shutdowntimeout");
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var host = await RuntimeHost.StartListenerAsync(azurite, queueName, async (_, _, ct) =>
        {
            started.TrySetResult();
            await Task.Delay(TimeSpan.FromMinutes(1), ct);
        }, o => o.VisibilityTimeout = TimeSpan.FromSeconds(60), shutdownTimeout: TimeSpan.FromMilliseconds(500));
        var sender = host.Services.GetRequiredService<IQueueSender>();

        await sender.SendAsync(queueName, new TestMessage("stuck"), ct: TestContext.Current.CancellationToken);
        await started.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);
        await host.StopAsync(CancellationToken.None);

        // Released at once (not after the 60 s lease), so another instance can take it over.
        var again = await new QueueClient(azurite.ConnectionString, queueName).ReceiveMessagesAsync(1, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Contains("stuck", Assert.Single(again.Value).MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Idle_listener_backs_off_exponentially_and_wakes_up_for_new_work()
    {
        var queueName = azurite.UniqueName("idle");
        var handled = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var host = await RuntimeHost.StartListenerAsync(azurite, queueName, (_, _, _) =>
        {
            handled.TrySetResult(TimeProvider.System.GetUtcNow());
            return Task.CompletedTask;
        }, o =>
        {
            o.IdleBackoffMin = TimeSpan.FromMilliseconds(100);
            o.IdleBackoffMax = TimeSpan.FromMilliseconds(800);
        });
        var counter = host.Services.GetRequiredService<StorageClients>().Counter;

        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        var idleReceives = counter.Snapshot().For(StorageService.Queue, "GetMessages");
        var sentAt = TimeProvider.System.GetUtcNow();
        await host.Services.GetRequiredService<IQueueSender>().SendAsync(queueName, new TestMessage("wake"), ct: TestContext.Current.CancellationToken);
        var at = await handled.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);
        await host.StopAsync(TestContext.Current.CancellationToken);

        // 100 + 200 + 400 + 800 + 800 + … ms: about 6 receives in 3 s, not one per round trip.
        Assert.InRange(idleReceives, 3, 10);
        Assert.True(at - sentAt < TimeSpan.FromSeconds(2), $"picked up after {(at - sentAt).TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task Queue_and_poison_queue_are_created_at_start()
    {
        var queueName = azurite.UniqueName("created");
        using var host = await RuntimeHost.StartListenerAsync(azurite, queueName, (_, _, _) => Task.CompletedTask);

        Assert.True((await new QueueClient(azurite.ConnectionString, queueName).ExistsAsync(TestContext.Current.CancellationToken)).Value);
        Assert.True((await new QueueClient(azurite.ConnectionString, QueueNames.Poison(queueName)).ExistsAsync(TestContext.Current.CancellationToken)).Value);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
