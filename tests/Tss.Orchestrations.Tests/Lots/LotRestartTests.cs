using Microsoft.DurableTask.Client;
using Tss.Orchestrations.Lots;
using Tss.Pipeline.Lots;
using Tss.Testing.Durable;
using static Tss.Orchestrations.Tests.Lots.ScriptedSefaz;

namespace Tss.Orchestrations.Tests.Lots;

/// <summary>A lot whose step keeps failing past its retries restarts itself instead of ending Failed.</summary>
public sealed class LotRestartTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>2 attempts 50 ms apart, then restarts 200 ms … 400 ms apart: an "hour of storage failures" in milliseconds.</summary>
    private static readonly LotRecovery Fast = new(2, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(50),
        TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400));

    private static async Task<(OrchestrationMetadata Done, LotInput LastInput)> RunWhileStorageFailsAsync(ScriptedSefaz sefaz, Func<ScriptedSefaz, bool> failFrom)
    {
        await using var host = await TestDurableHost.StartAsync(sefaz.Register, Ct);
        sefaz.StorageDown = failFrom(sefaz); // down from the start when the condition already holds
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(LotOrchestrator),
            new LotInput("t1|11222333000181|2612", "lot|42", Recovery: Fast), Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));

        // Storage fails from the chosen moment until the lot has spent its retries and restarted a few times.
        while (!sefaz.StorageDown && !failFrom(sefaz))
        {
            await Task.Delay(10, timeout.Token);
        }
        sefaz.StorageDown = true;
        while (sefaz.StorageFailures < Fast.ActivityAttempts * 3)
        {
            await Task.Delay(20, timeout.Token);
        }
        var during = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Running, during!.RuntimeStatus);
        sefaz.StorageDown = false;

        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        return (done, done.ReadInputAs<LotInput>()!);
    }

    [Fact]
    public async Task Lot_whose_receipt_poll_fails_past_its_retries_restarts_itself_and_authorizes_each_document_once()
    {
        var sefaz = new ScriptedSefaz()
            .OnSend(Accepted(tMed: 1))
            .OnPoll(Receipt(104, Prot(K1, 100), Prot(K2, 100)));

        // Storage goes down once the lot is sent, during the receipt wait: the poll fails, retries, and is spent.
        var (done, last) = await RunWhileStorageFailsAsync(sefaz, s => s.Count(LotAction.Send) == 1);

        Assert.True(done.RuntimeStatus == OrchestrationRuntimeStatus.Completed, done.FailureDetails?.ToString());
        Assert.True(last.Restarts >= 1, "the lot went on in a restarted run");
        Assert.NotNull(last.Carried); // from the step recorded before the failures: the send's answer
        Assert.Equal(1, sefaz.Count(LotAction.Send));
        Assert.Equal(1, sefaz.Count(LotAction.Poll));
        Assert.Equal([K1, K2], sefaz.Outcomes.Select(o => o.Key.Value).Order());
        Assert.All(sefaz.Outcomes, o => Assert.IsType<DocumentOutcome.Authorized>(o));
        Assert.Single(sefaz.Distributed);
        Assert.Equal(2, done.ReadOutputAs<LotResult>()!.Documents);
    }

    [Fact]
    public async Task Lot_whose_first_send_fails_past_its_retries_restarts_from_the_send()
    {
        var sefaz = new ScriptedSefaz()
            .OnSend(Accepted(tMed: 1))
            .OnPoll(Receipt(104, Prot(K1, 100), Prot(K2, 100)));

        var (done, last) = await RunWhileStorageFailsAsync(sefaz, _ => true);

        Assert.True(done.RuntimeStatus == OrchestrationRuntimeStatus.Completed, done.FailureDetails?.ToString());
        Assert.True(last.Restarts >= 1);
        Assert.Equal(1, sefaz.Count(LotAction.Send));
        Assert.Equal([K1, K2], sefaz.Outcomes.Select(o => o.Key.Value).Order());
        Assert.Single(sefaz.Distributed);
    }

    [Fact]
    public void Restart_waits_double_up_to_their_ceiling()
    {
        var r = LotRecovery.Default;
        Assert.Equal(TimeSpan.FromMinutes(5), r.RestartWait(1));
        Assert.Equal(TimeSpan.FromMinutes(10), r.RestartWait(2));
        Assert.Equal(TimeSpan.FromHours(1), r.RestartWait(10));
        Assert.Equal(TimeSpan.FromHours(1), r.RestartWait(int.MaxValue));
    }
}
