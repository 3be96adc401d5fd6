using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Tss.Orchestrations.Lots;
using Tss.Pipeline.Lots;
using Tss.Sefaz.Client;
using Tss.Testing.Durable;
using static Tss.Orchestrations.Tests.Lots.ScriptedSefaz;

namespace Tss.Orchestrations.Tests.Lots;

/// <summary>The lot orchestration on the in-memory Durable host, with scripted SEFAZ answers and real durable timers.</summary>
public sealed class LotOrchestratorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<LotResult> RunAsync(ScriptedSefaz sefaz) => (await RunAsync(sefaz, new LotInput("t1|11222333000181|2612", "lot|42"))).Result;

    private static async Task<(LotResult Result, LotInput LastInput)> RunAsync(ScriptedSefaz sefaz, LotInput input)
    {
        await using var host = await TestDurableHost.StartAsync(sefaz.Register, Ct);
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(LotOrchestrator), input, Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        Assert.True(done.RuntimeStatus == OrchestrationRuntimeStatus.Completed, done.FailureDetails?.ToString());
        return (done.ReadOutputAs<LotResult>()!, done.ReadInputAs<LotInput>()!);
    }

    private static void AssertAtLeast(TimeSpan expected, TimeSpan actual) =>
        Assert.True(actual >= expected - TimeSpan.FromMilliseconds(50), $"waited {actual.TotalMilliseconds} ms, expected at least {expected.TotalMilliseconds} ms");

    [Fact]
    public async Task Lot_answered_103_waits_the_larger_of_the_minimum_and_tMed_then_polls_104_and_distributes()
    {
        var sefaz = new ScriptedSefaz()
            .OnSend(Accepted(tMed: 1))
            .OnPoll(Receipt(104, Prot(K1, 100), Prot(K2, 100)));

        var result = await RunAsync(sefaz);

        Assert.Equal([LotAction.Send, LotAction.Poll], sefaz.Calls.Select(c => c.Action));
        AssertAtLeast(TimeSpan.FromSeconds(1), sefaz.Gap(0)); // tMed 1 s > the 400 ms minimum
        Assert.All(sefaz.Outcomes, o => Assert.IsType<DocumentOutcome.Authorized>(o));
        Assert.Equal([K1, K2], sefaz.Outcomes.Select(o => o.Key.Value).Order());
        Assert.Equal(LotPhase.Closed, Assert.Single(sefaz.Distributed).Phase);
        Assert.Equal(new LotResult("lot|42", 2, 0, 1, "104 motivo 104"), result);
    }

    [Fact]
    public async Task Receipt_answered_105_is_polled_again_with_a_doubling_back_off()
    {
        var sefaz = new ScriptedSefaz()
            .OnSend(Accepted(tMed: 0))
            .OnPoll(Receipt(105), Receipt(105), Receipt(104, Prot(K1, 100), Prot(K2, 100)));

        await RunAsync(sefaz);

        Assert.Equal(3, sefaz.Count(LotAction.Poll));
        AssertAtLeast(Policy.MinFirstPoll, sefaz.Gap(0));
        AssertAtLeast(Policy.PollInterval, sefaz.Gap(1));
        AssertAtLeast(Policy.PollInterval * 2, sefaz.Gap(2));
        Assert.Equal(2, sefaz.Outcomes.Count);
    }

    [Fact]
    public async Task Receipt_unknown_106_is_reconciled_by_key_and_the_lot_is_not_sent_again()
    {
        var sefaz = new ScriptedSefaz()
            .OnSend(Accepted(tMed: 0))
            .OnPoll(Receipt(106))
            .OnConsult(Consulted((K1, 100), (K2, 100)));

        await RunAsync(sefaz);

        Assert.Equal([LotAction.Send, LotAction.Poll, LotAction.Consult], sefaz.Calls.Select(c => c.Action));
        Assert.All(sefaz.Outcomes, o => Assert.True(o is DocumentOutcome.Authorized { FromConsult: true }));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Send_with_unknown_outcome_is_reconciled_by_key_before_any_resend(bool interrupted)
    {
        // A timeout after the request left (outcome unknown), or the send activity finding its own attempt recorded
        // without an answer (the process died mid-send): consult, never resend.
        LotEvent unknown = interrupted ? new LotEvent.SendInterrupted() : new LotEvent.SendFailed(SefazErrorCode.Timeout, OutcomeUnknown: true);
        var sefaz = new ScriptedSefaz()
            .OnSend(unknown)
            .OnConsult(Consulted((K1, 100), (K2, 100)));

        await RunAsync(sefaz);

        Assert.Equal(1, sefaz.Count(LotAction.Send));
        Assert.Equal(1, sefaz.Count(LotAction.Consult));
        AssertAtLeast(Policy.MinFirstPoll, sefaz.Gap(0));
        Assert.Equal(2, sefaz.Outcomes.Count);
    }

    [Fact]
    public async Task Keys_SEFAZ_has_never_seen_are_requeued_after_two_consultations_and_not_distributed()
    {
        var sefaz = new ScriptedSefaz()
            .OnSend(new LotEvent.SendFailed(SefazErrorCode.Timeout, OutcomeUnknown: true))
            .OnConsult(Consulted((K1, 100), (K2, 217)), Consulted((K2, 217)));

        var result = await RunAsync(sefaz);

        Assert.Equal(1, sefaz.Count(LotAction.Send));
        Assert.Equal(2, sefaz.Count(LotAction.Consult));
        Assert.Contains(sefaz.Outcomes, o => o is DocumentOutcome.Requeued { Key.Value: K2 });
        Assert.Equal(1, result.Documents);
        Assert.Equal(1, result.Requeued);
    }

    [Theory]
    [InlineData(656)]
    [InlineData(108)]
    [InlineData(109)]
    public async Task Lot_refused_for_consumption_or_a_paralysed_authorizer_is_sent_again_after_a_durable_wait(int cStat)
    {
        var sefaz = new ScriptedSefaz()
            .OnSend(SendStatus(cStat), Accepted(tMed: 0))
            .OnPoll(Receipt(104, Prot(K1, 100), Prot(K2, 100)));

        var result = await RunAsync(sefaz);

        Assert.Equal([LotAction.Send, LotAction.Send, LotAction.Poll], sefaz.Calls.Select(c => c.Action));
        AssertAtLeast(cStat == 656 ? Policy.ConsumptionBlock : Policy.ParalysedRetry, sefaz.Gap(0));
        Assert.Equal(2, result.SendAttempts);
    }

    [Fact]
    public async Task Lot_level_rejection_rejects_every_document_without_polling()
    {
        var sefaz = new ScriptedSefaz().OnSend(SendStatus(225));

        var result = await RunAsync(sefaz);

        Assert.Equal([LotAction.Send], sefaz.Calls.Select(c => c.Action));
        Assert.All(sefaz.Outcomes, o => Assert.Equal(225, Assert.IsType<DocumentOutcome.Rejected>(o).cStat));
        Assert.Equal(2, result.Documents);
    }

    [Theory]
    [InlineData(204)]
    [InlineData(539)]
    public async Task Duplicity_is_resolved_by_consulting_the_key(int cStat)
    {
        var sefaz = new ScriptedSefaz()
            .OnSend(Accepted(tMed: 0))
            .OnPoll(Receipt(104, Prot(K1, 100), Prot(K2, cStat)))
            .OnConsult(Consulted((K2, 100)));

        await RunAsync(sefaz);

        Assert.Equal([LotAction.Send, LotAction.Poll, LotAction.Consult], sefaz.Calls.Select(c => c.Action));
        Assert.Contains(sefaz.Outcomes, o => o is DocumentOutcome.Authorized { Key.Value: K2, FromConsult: true });
        Assert.Equal(0, sefaz.Count(LotAction.Send) - 1);
    }
    [Fact]
    public async Task Lot_waiting_out_an_outage_continues_as_new_and_keeps_its_state()
    {
        var sefaz = new ScriptedSefaz()
            .OnSend(SendStatus(108), SendStatus(109), SendStatus(108), Accepted(tMed: 0))
            .OnPoll(Receipt(104, Prot(K1, 100), Prot(K2, 100)));

        var (result, last) = await RunAsync(sefaz, new LotInput("t1|11222333000181|2612", "lot|42", StepsPerRun: 2));

        // Five steps at two per run: the run that finished was started by a continue-as-new, from the step it carried.
        Assert.NotNull(last.Carried);
        Assert.Equal([LotAction.Send, LotAction.Send, LotAction.Send, LotAction.Send, LotAction.Poll], sefaz.Calls.Select(c => c.Action));
        Assert.Equal(new LotResult("lot|42", 2, 0, 4, "104 motivo 104"), result);
        Assert.All(sefaz.Outcomes, o => Assert.IsType<DocumentOutcome.Authorized>(o));
        Assert.Single(sefaz.Distributed);
    }
}
