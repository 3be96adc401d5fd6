using System.Diagnostics;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Tss.Protocol.Time;
using Tss.Runtime.Queues;
using Tss.Runtime.Storage;
using Tss.Runtime.Tests.Support;
using Tss.Runtime.Timers;
using Tss.Testing.Azurite;

namespace Tss.Runtime.Tests.Timers;

public sealed class DurableTimerTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Scheduled_message_fires_at_its_due_time()
    {
        var queueName = azurite.UniqueName("timer");
        var fired = new TaskCompletionSource<(DateTimeOffset At, QueueMessageContext Context)>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var host = await RuntimeHost.StartListenerAsync(azurite, queueName, (_, context, _) =>
        {
            fired.TrySetResult((TimeProvider.System.GetUtcNow(), context));
            return Task.CompletedTask;
        });
        var timers = host.Services.GetRequiredService<IDurableTimers>();

        var dueAt = TimeProvider.System.GetUtcNow().AddSeconds(2);
        await timers.ScheduleAsync(queueName, new TestMessage("lot-1"), dueAt, TestContext.Current.CancellationToken);
        var (at, context) = await fired.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);
        await host.StopAsync(TestContext.Current.CancellationToken);

        Assert.True(at >= dueAt, $"fired at {at:O}, before {dueAt:O}");
        Assert.True(at < dueAt.AddSeconds(3), $"fired at {at:O}, long after {dueAt:O}");
        Assert.Equal(dueAt, context.DueAt);
        Assert.Equal(1, context.DequeueCount);
    }

    [Fact]
    public async Task Message_that_surfaces_before_it_is_due_is_delayed_again_then_fires()
    {
        // As if the 7-day cap or clock skew had let it surface early: due in 3 s, visible now.
        var queue = await azurite.CreateQueueAsync("early");
        var dueAt = TimeProvider.System.GetUtcNow().AddSeconds(3);
        await queue.SendMessageAsync($$$"""{"dueAt":"{{{dueAt:O}}}","body":{"id":"lot-2"}}""", TestContext.Current.CancellationToken);

        var fired = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
        var handled = 0;
        using var host = await RuntimeHost.StartListenerAsync(azurite, queue.Name, (message, _, _) =>
        {
            Interlocked.Increment(ref handled);
            fired.TrySetResult(TimeProvider.System.GetUtcNow());
            return Task.CompletedTask;
        });
        var at = await fired.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);
        await host.StopAsync(TestContext.Current.CancellationToken);

        Assert.True(at >= dueAt, $"handled at {at:O}, before {dueAt:O}");
        Assert.Equal(1, handled);
        var counted = host.Services.GetRequiredService<StorageClients>().Counter.Snapshot();
        Assert.Equal(1, counted.For(StorageService.Queue, "PutMessage")); // the re-delayed copy
        Assert.Equal(2, counted.For(StorageService.Queue, "DeleteMessage")); // the early copy, then the handled one
        Assert.Empty((await queue.PeekMessagesAsync(32, TestContext.Current.CancellationToken)).Value);
    }

    [Fact]
    public async Task On_a_scaled_clock_the_real_wait_is_divided_by_the_scale()
    {
        var clock = new ScaledTimeProvider(TimeProvider.System.GetUtcNow(), 60);
        var queueName = azurite.UniqueName("scaled");
        var fired = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var host = await RuntimeHost.StartListenerAsync(azurite, queueName, (_, _, _) =>
        {
            fired.TrySetResult(clock.GetUtcNow());
            return Task.CompletedTask;
        }, services: s => s.AddSingleton<TimeProvider>(clock));
        var timers = host.Services.GetRequiredService<IDurableTimers>();

        var dueAt = clock.GetUtcNow().AddMinutes(3); // 3 s of real time at 60×
        var real = Stopwatch.StartNew();
        await timers.ScheduleAsync(queueName, new TestMessage("lot-3"), dueAt, TestContext.Current.CancellationToken);
        var at = await fired.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);
        real.Stop();
        await host.StopAsync(TestContext.Current.CancellationToken);

        Assert.True(at >= dueAt, $"fired at scaled {at:O}, before {dueAt:O}");
        Assert.InRange(real.Elapsed, TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(8));
    }
}
