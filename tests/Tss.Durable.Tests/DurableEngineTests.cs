using System.Diagnostics;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Tss.Testing.Durable;

namespace Tss.Durable.Tests;

public sealed class DurableEngineTests(DurableHostFixture fixture) : IClassFixture<DurableHostFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Orchestration_with_an_injected_activity_and_a_durable_timer_completes()
    {
        var effects = new EffectLog();
        using var host = fixture.BuildHost(fixture.NewHub(), effects);
        await host.StartAsync(TestContext.Current.CancellationToken);
        var client = host.Client();

        var started = Stopwatch.StartNew();
        var id = await client.ScheduleNewOrchestrationInstanceAsync(nameof(TimerOrchestrator), new TimerInput("a", 1500), TestContext.Current.CancellationToken);
        var done = await client.WaitForCompletionAsync(id, Patience);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("done a:before|done a:after", done.ReadOutputAs<string>());
        Assert.True(started.Elapsed >= TimeSpan.FromMilliseconds(1500), $"the timer fired early ({started.Elapsed})");
        Assert.Equal(1, effects.Count("a:before"));
        Assert.Equal(1, effects.Count("a:after"));
        Assert.True(host.Services.GetRequiredService<DurableStorageTransactions>().Snapshot().Total > 0, "the backend's requests were not counted");
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("1hub")]
    [InlineData("tss-hub")]
    [InlineData("a234567890123456789012345678901234567890123456")]
    public async Task Start_fails_with_a_clear_message_on_an_invalid_task_hub_name(string hub)
    {
        using var host = fixture.BuildHost(hub);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Durable:TaskHub must be 3–45 letters or digits starting with a letter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stop_is_bounded_while_an_orchestration_waits_on_a_timer()
    {
        var hub = fixture.NewHub();
        using var host = fixture.BuildHost(hub, extra: new Dictionary<string, string?> { ["Durable:ShutdownTimeout"] = "00:00:03" });
        await host.StartAsync(TestContext.Current.CancellationToken);
        var client = host.Client();
        var id = await client.ScheduleNewOrchestrationInstanceAsync(nameof(TimerOrchestrator), new TimerInput("s", 60_000), TestContext.Current.CancellationToken);
        await WaitForStatusAsync(client, id, OrchestrationRuntimeStatus.Running);

        var stopping = Stopwatch.StartNew();
        await host.StopAsync(CancellationToken.None);
        stopping.Stop();

        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(3 + 2), $"stop took {stopping.Elapsed}");
    }

    internal static async Task WaitForStatusAsync(DurableTaskClient client, string id, OrchestrationRuntimeStatus status)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < Patience)
        {
            var instance = await client.GetInstanceAsync(id, getInputsAndOutputs: false, TestContext.Current.CancellationToken);
            if (instance?.RuntimeStatus == status)
            {
                return;
            }
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        Assert.Fail($"{id} never reached {status}");
    }
}
