using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Tss.Orchestrations.Lots;
using Tss.Pipeline.Lots;
using Tss.Testing.Durable;
using static Tss.Orchestrations.Tests.Lots.ScriptedSefaz;

namespace Tss.Orchestrations.Tests.Lots;

/// <summary>
/// A fault in the orchestrator's own code does not fail the lot, and a step that fails for good does not restart
/// forever: after the cap the lot is stuck, visible, and waits for an operator's retry.
/// </summary>
public sealed class LotStuckTests
{
    private const string Partition = "t1|11222333000181|2612";
    private const string LotId = "lot|42";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>2 attempts 50 ms apart, restarts 100 … 200 ms apart, stuck after 2 restarts: a day of failures in a second.</summary>
    private static readonly LotRecovery Fast = new LotRecoveryOptions
    {
        ActivityAttempts = 2,
        FirstRetry = TimeSpan.FromMilliseconds(50),
        MaxRetry = TimeSpan.FromMilliseconds(50),
        FirstRestart = TimeSpan.FromMilliseconds(100),
        MaxRestart = TimeSpan.FromMilliseconds(200),
        MaxRestarts = 2,
    }.ToRecovery();

    private static CancellationTokenSource Timeout()
    {
        var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        return timeout;
    }

    [Fact]
    public async Task Orchestrator_fault_after_the_send_is_recorded_and_the_lot_goes_on_from_its_row_without_a_second_send()
    {
        var sefaz = new ScriptedSefaz()
            .OnSend(Accepted(tMed: 0))
            .OnPoll(Receipt(104, Prot(K1, 100), Prot(K2, 100)));
        // The configuration hook: the orchestrator throws right after the send answered, in its first run only.
        var recovery = new LotRecoveryOptions { FirstRestart = TimeSpan.FromMilliseconds(100), InjectFaultAfterSteps = 1, InjectFaultRuns = 1 }.ToRecovery();
        await using var host = await TestDurableHost.StartAsync(sefaz.Register, Ct);
        using var timeout = Timeout();

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(LotOrchestrator), new LotInput(Partition, LotId, Recovery: recovery), timeout.Token);
        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        Assert.True(done.RuntimeStatus == OrchestrationRuntimeStatus.Completed, done.FailureDetails?.ToString());
        var last = done.ReadInputAs<LotInput>()!;
        Assert.Equal(1, last.Faults);
        Assert.Null(last.Carried); // the restart went on from the lot row, not from the faulted run's state
        var fault = Assert.Single(sefaz.Marks);
        Assert.False(fault.Stuck);
        Assert.Contains("Injected orchestrator fault", fault.Error, StringComparison.Ordinal);
        Assert.Equal(1, sefaz.Count(LotAction.Send)); // the row showed the send answered: polled, never resent
        Assert.Equal(1, sefaz.Count(LotAction.Poll));
        Assert.Equal([K1, K2], sefaz.Outcomes.Select(o => o.Key.Value).Order());
        Assert.Single(sefaz.Distributed);
        Assert.Null(done.SerializedCustomStatus is null or "null" ? null : done.ReadCustomStatusAs<LotAttention>());
    }

    [Fact]
    public async Task Orchestrator_fault_that_never_goes_away_ends_stuck_instead_of_failed()
    {
        var sefaz = new ScriptedSefaz().OnSend(Accepted(tMed: 0));
        var recovery = Fast with { FaultAfterSteps = 1, FaultRuns = int.MaxValue };
        await using var host = await TestDurableHost.StartAsync(sefaz.Register, Ct);
        using var timeout = Timeout();

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(LotOrchestrator), new LotInput(Partition, LotId, Recovery: recovery), timeout.Token);
        var stuck = await WaitForStuckAsync(host.Client, id, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Running, stuck.Instance.RuntimeStatus);
        Assert.Equal(Fast.MaxRestarts, stuck.Attention.Restarts);
        Assert.Contains("Injected orchestrator fault", stuck.Attention.Error, StringComparison.Ordinal);
        Assert.Equal(1, sefaz.Count(LotAction.Send)); // every restart resumed from the row: one send in all
    }

    [Fact]
    public async Task Step_that_always_fails_is_stuck_after_the_cap_and_the_operator_retry_authorizes_it_once_the_fault_is_gone()
    {
        var sefaz = new ScriptedSefaz()
            .OnSend(Accepted(tMed: 0))
            .OnPoll(Receipt(104, Prot(K1, 100), Prot(K2, 100)));
        sefaz.FailingStep = LotAction.Poll;
        await using var host = await TestDurableHost.StartAsync(sefaz.Register, Ct);
        var retries = new LotRetries(host.Client, NullLogger<LotRetries>.Instance);
        using var timeout = Timeout();

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(LotOrchestrator), new LotInput(Partition, LotId, Recovery: Fast),
            new StartOrchestrationOptions(DurableLotStarter.InstanceIdFor(Partition, LotId)), timeout.Token);
        var stuck = await WaitForStuckAsync(host.Client, id, timeout.Token);

        // Stuck after the cap: the run that started the failures plus MaxRestarts restarts, each spending its attempts.
        Assert.Equal(Fast.ActivityAttempts * (Fast.MaxRestarts + 1), sefaz.StepFailures);
        Assert.Contains("fails for good", stuck.Attention.Error, StringComparison.Ordinal);
        var mark = Assert.Single(sefaz.Marks);
        Assert.True(mark.Stuck);
        Assert.Equal(stuck.Attention.Error, mark.Error);
        // It no longer restarts: several restart waits later, no new attempt.
        var failures = sefaz.StepFailures;
        await Task.Delay(Fast.MaxRestart * 4, timeout.Token);
        Assert.Equal(failures, sefaz.StepFailures);
        Assert.Equal(LotRetryResult.NotFound, await retries.RetryAsync(Partition, "lot|43", "test", timeout.Token));

        sefaz.FailingStep = null;
        Assert.Equal(LotRetryResult.Retried, await retries.RetryAsync(Partition, LotId, "test", timeout.Token));
        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        Assert.True(done.RuntimeStatus == OrchestrationRuntimeStatus.Completed, done.FailureDetails?.ToString());
        Assert.Equal(1, sefaz.Count(LotAction.Send));
        Assert.Equal([K1, K2], sefaz.Outcomes.Select(o => o.Key.Value).Order());
        Assert.All(sefaz.Outcomes, o => Assert.IsType<DocumentOutcome.Authorized>(o));
        Assert.Single(sefaz.Distributed);
        Assert.Equal([true, false], sefaz.Marks.Select(m => m.Stuck)); // marked, then cleared by the retry
        Assert.Null(sefaz.Marks.Last().Error);
        Assert.Equal(LotRetryResult.NotStuck, await retries.RetryAsync(Partition, LotId, "test", timeout.Token));
    }

    [Fact]
    public void Default_cap_gives_up_after_twenty_restarts_or_a_day_of_failures()
    {
        var r = LotRecovery.Default;
        var since = new DateTime(2026, 12, 3, 0, 0, 0, DateTimeKind.Utc);
        Assert.False(r.GivesUp(20, since, since.AddHours(23)));
        Assert.True(r.GivesUp(21, since, since.AddHours(1)));
        Assert.True(r.GivesUp(2, since, since.AddHours(24)));
        Assert.Equal(new LotRecoveryOptions().ToRecovery(), r);
    }

    private static async Task<(OrchestrationMetadata Instance, LotAttention Attention)> WaitForStuckAsync(DurableTaskClient client, string id, CancellationToken ct)
    {
        while (true)
        {
            var instance = await client.GetInstanceAsync(id, getInputsAndOutputs: true, ct);
            Assert.NotEqual(OrchestrationRuntimeStatus.Failed, instance?.RuntimeStatus);
            if (instance?.SerializedCustomStatus is { Length: > 0 } and not "null" && instance.ReadCustomStatusAs<LotAttention>() is { Stuck: true } attention)
            {
                return (instance, attention);
            }
            await Task.Delay(50, ct);
        }
    }
}
