using System.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Hosting;
using Tss.Testing.Durable;

namespace Tss.Durable.Tests;

public sealed class DurableLifecycleTests(DurableHostFixture fixture) : IClassFixture<DurableHostFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Scheduling_a_running_instance_id_again_with_dedupe_statuses_keeps_one_instance()
    {
        var effects = new EffectLog();
        using var host = fixture.BuildHost(fixture.NewHub(), effects);
        await host.StartAsync(TestContext.Current.CancellationToken);
        var client = host.Client();
        const string id = "lot-35-55-1";
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(TimerOrchestrator), new TimerInput("one", 3000),
            DurableSingleton.Options(id), TestContext.Current.CancellationToken);
        await DurableEngineTests.WaitForStatusAsync(client, id, OrchestrationRuntimeStatus.Running);

        var second = await Record.ExceptionAsync(() => client.ScheduleNewOrchestrationInstanceAsync(nameof(TimerOrchestrator),
            new TimerInput("two", 0), DurableSingleton.Options(id), TestContext.Current.CancellationToken));
        var done = await client.WaitForCompletionAsync(id, Patience);

        Assert.IsType<DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException>(second);
        Assert.True(DurableSingleton.IsAlreadyRunning(second));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("done one:before|done one:after", done.ReadOutputAs<string>());
        Assert.Equal(0, effects.Count("two:before"));
        Assert.Equal(1, effects.Count("one:after"));
    }

    [Fact]
    public async Task A_timer_survives_a_host_restart_on_the_same_hub()
    {
        var hub = fixture.NewHub();
        var effects = new EffectLog();
        // Work the first host held when it stopped comes back after the visibility timeout (crash tests use ~15 s).
        var timings = new Dictionary<string, string?>
        {
            ["Durable:ControlQueueVisibilityTimeout"] = "00:00:15",
            ["Durable:WorkItemQueueVisibilityTimeout"] = "00:00:15",
        };
        string id;
        using (var first = fixture.BuildHost(hub, effects, timings))
        {
            await first.StartAsync(TestContext.Current.CancellationToken);
            id = await first.Client().ScheduleNewOrchestrationInstanceAsync(nameof(TimerOrchestrator), new TimerInput("r", 4000), TestContext.Current.CancellationToken);
            await WaitForEffectAsync(effects, "r:before");
            await first.StopAsync(CancellationToken.None);
        }
        Assert.Equal(0, effects.Count("r:after"));

        using var second = fixture.BuildHost(hub, effects, timings);
        var restarted = Stopwatch.StartNew();
        await second.StartAsync(TestContext.Current.CancellationToken);
        var done = await second.Client().WaitForCompletionAsync(id, Patience);
        TestContext.Current.SendDiagnosticMessage($"completed {restarted.Elapsed} after the restart");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(1, effects.Count("r:before"));
        Assert.Equal(1, effects.Count("r:after"));
        await second.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Several_hosts_start_and_dispose_in_a_row_quickly()
    {
        var hub = fixture.NewHub();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 4; i++)
        {
            var host = fixture.BuildHost(hub, extra: new Dictionary<string, string?> { ["Durable:ShutdownTimeout"] = "00:00:02" });
            await host.StartAsync(TestContext.Current.CancellationToken);
            // Each leaves an instance waiting on a long timer: the next host inherits it, and disposal must not wait for it.
            await host.Client().ScheduleNewOrchestrationInstanceAsync(nameof(TimerOrchestrator), new TimerInput("row" + i, 120_000), TestContext.Current.CancellationToken);
            await host.StopAsync(CancellationToken.None);
            host.Dispose();
        }
        clock.Stop();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4 * (2 + 3)), $"4 hosts took {clock.Elapsed}");
    }

    [Fact]
    public async Task Dispose_without_stop_is_bounded_and_stop_twice_is_harmless()
    {
        var host = fixture.BuildHost(fixture.NewHub(), extra: new Dictionary<string, string?> { ["Durable:ShutdownTimeout"] = "00:00:02" });
        await host.StartAsync(TestContext.Current.CancellationToken);
        await host.Client().ScheduleNewOrchestrationInstanceAsync(nameof(TimerOrchestrator), new TimerInput("d", 120_000), TestContext.Current.CancellationToken);

        var clock = Stopwatch.StartNew();
        await host.StopAsync(CancellationToken.None);
        await host.StopAsync(CancellationToken.None);
        await ((IAsyncDisposable)host).DisposeAsync();
        clock.Stop();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2 + 3), $"stop, stop, dispose took {clock.Elapsed}");
    }

    [Fact]
    public async Task Purge_removes_finished_instances_and_keeps_running_ones()
    {
        var effects = new EffectLog();
        using var host = fixture.BuildHost(fixture.NewHub(), effects, extra: new Dictionary<string, string?>
        {
            ["Durable:PurgeCompletedAfter"] = "00:00:01",
            ["Durable:PurgeInterval"] = "00:00:01",
        });
        await host.StartAsync(TestContext.Current.CancellationToken);
        var client = host.Client();
        var finished = await client.ScheduleNewOrchestrationInstanceAsync(nameof(TimerOrchestrator), new TimerInput("p", 0), TestContext.Current.CancellationToken);
        var running = await client.ScheduleNewOrchestrationInstanceAsync(nameof(TimerOrchestrator), new TimerInput("q", 120_000), TestContext.Current.CancellationToken);
        // Not WaitForCompletionAsync: the purge may remove the instance before a poll sees it completed.
        await WaitForEffectAsync(effects, "p:after");

        var deadline = Stopwatch.StartNew();
        while (await client.GetInstanceAsync(finished, TestContext.Current.CancellationToken) is not null)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), "the finished instance was never purged");
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }

        var stillThere = await client.GetInstanceAsync(running, TestContext.Current.CancellationToken);
        Assert.NotNull(stillThere);
        Assert.Equal(OrchestrationRuntimeStatus.Running, stillThere.RuntimeStatus);
        await host.StopAsync(CancellationToken.None);
    }

    private static async Task WaitForEffectAsync(EffectLog effects, string key)
    {
        var deadline = Stopwatch.StartNew();
        while (effects.Count(key) == 0)
        {
            Assert.True(deadline.Elapsed < Patience, $"{key} never happened");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
