using Tss.Pipeline.Lots;
using Tss.Protocol.Messages;
using Tss.Sefaz.Client;
using static Tss.Pipeline.Lots.LotCommand;

namespace Tss.Pipeline.Tests.Lots;

public class LotWorkflowTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 12, 0, 0, TimeSpan.FromHours(-3));
    private static readonly LotPolicy Policy = new();
    private const string K1 = "35261111222333000181550010000000011000000010";
    private const string K2 = "35261111222333000181550010000000021000000025";

    private static LotState NewLot(bool sync = false, params string[] keys) =>
        LotState.New("lot-1", 42, keys.Length == 0 ? [K1, K2] : keys, sync);

    private static ProtNFe Prot(string key, int cStat, string? nProt = "135260000000001") =>
        new(2, "SIM", key, T0, nProt, "digest=", cStat, $"motivo {cStat}", "<protNFe/>");

    private static RetEnviNFe Accepted(int tMed) => new(2, "SIM", 103, "Lote recebido com sucesso", 35, T0, "351000000000001", tMed, null);

    private static RetConsReciNFe Receipt(int cStat, params ProtNFe[] prots) => new(2, "SIM", "351000000000001", cStat, "x", 35, T0, prots);

    private static RetConsSitNFe Consult(string key, int cStat, ProtNFe? prot = null) => new(2, "SIM", cStat, "x", 35, T0, key, prot, []);

    private static LotDecision Run(LotState s, LotEvent e, DateTimeOffset now) => LotWorkflow.Decide(s, e, now, Policy);

    private static LotEvent.TimerFired Fire(LotState s, LotTimer timer) => new(timer, s.TimerSeq);

    private static LotState AwaitingReceipt()
    {
        var sending = Run(NewLot(), new LotEvent.Start(), T0).State;
        return Run(sending, new LotEvent.SendAnswered(Accepted(1)), T0).State;
    }

    [Fact]
    public void Start_sends_the_lot_and_records_the_attempt_before_the_call()
    {
        var d = Run(NewLot(), new LotEvent.Start(), T0);
        Assert.Equal(LotPhase.Sending, d.State.Phase);
        Assert.Equal(1, d.State.SendAttempts);
        Assert.Equal([new Send(false)], d.Commands);
    }

    [Theory]
    [InlineData(1, 15)]
    [InlineData(15, 15)]
    [InlineData(40, 40)]
    public void First_receipt_query_waits_the_larger_of_15_seconds_and_tMed(int tMed, int expectedSeconds)
    {
        var sending = Run(NewLot(), new LotEvent.Start(), T0).State;
        var d = Run(sending, new LotEvent.SendAnswered(Accepted(tMed)), T0);
        Assert.Equal(LotPhase.AwaitingReceipt, d.State.Phase);
        Assert.Equal("351000000000001", d.State.nRec);
        Assert.Equal([new Schedule(LotTimer.Poll, T0.AddSeconds(expectedSeconds), 1)], d.Commands);
    }

    [Fact]
    public void Timer_that_surfaces_early_is_delayed_again_without_polling()
    {
        var s = AwaitingReceipt();
        var d = Run(s, Fire(s, LotTimer.Poll), T0.AddSeconds(10));
        Assert.Equal([new Schedule(LotTimer.Poll, T0.AddSeconds(15), 1)], d.Commands);
        Assert.Equal(s, d.State);
    }

    [Fact]
    public void Due_timer_polls_the_receipt_once()
    {
        var s = AwaitingReceipt();
        var d = Run(s, Fire(s, LotTimer.Poll), T0.AddSeconds(15));
        Assert.Equal([new Poll("351000000000001")], d.Commands);
        var duplicate = Run(d.State, Fire(d.State, LotTimer.Poll), T0.AddSeconds(16));
        Assert.Empty(duplicate.Commands);
    }

    [Fact]
    public void Lot_in_processing_is_polled_again_with_growing_intervals()
    {
        var s = Run(AwaitingReceipt(), Fire(AwaitingReceipt(), LotTimer.Poll), T0.AddSeconds(15)).State;
        var now = T0.AddSeconds(15);
        var waits = new List<double>();
        for (var i = 0; i < 7; i++)
        {
            var d = Run(s, new LotEvent.ReceiptAnswered(Receipt(105)), now);
            var schedule = Assert.IsType<Schedule>(Assert.Single(d.Commands));
            waits.Add((schedule.DueAt - now).TotalSeconds);
            now = schedule.DueAt;
            s = Run(d.State, Fire(d.State, LotTimer.Poll), now).State;
        }
        Assert.Equal([5, 10, 20, 40, 80, 120, 120], waits);
    }

    [Fact]
    public void Processed_receipt_resolves_every_document_and_closes_the_lot()
    {
        var s = Run(AwaitingReceipt(), Fire(AwaitingReceipt(), LotTimer.Poll), T0.AddSeconds(15)).State;
        var d = Run(s, new LotEvent.ReceiptAnswered(Receipt(104, Prot(K1, 100), Prot(K2, 302, null))), T0.AddSeconds(15));
        Assert.Equal(LotPhase.Closed, d.State.Phase);
        Assert.Collection(d.Commands,
            c => Assert.IsType<DocumentOutcome.Authorized>(Assert.IsType<Resolve>(c).Outcome),
            c => Assert.IsType<DocumentOutcome.Denied>(Assert.IsType<Resolve>(c).Outcome),
            c => Assert.IsType<Close>(c));
    }

    [Fact]
    public void Rejected_document_is_resolved_as_correctable_with_its_cStat()
    {
        var s = Run(AwaitingReceipt(), Fire(AwaitingReceipt(), LotTimer.Poll), T0.AddSeconds(15)).State;
        var d = Run(s, new LotEvent.ReceiptAnswered(Receipt(104, Prot(K1, 100), Prot(K2, 598, null))), T0.AddSeconds(15));
        var rejected = d.Commands.OfType<Resolve>().Select(r => r.Outcome).OfType<DocumentOutcome.Rejected>().Single();
        Assert.Equal((K2, 598), (rejected.chNFe, rejected.cStat));
    }

    [Fact]
    public void Duplicity_is_resolved_through_the_existing_authorization_not_an_error()
    {
        var s = Run(AwaitingReceipt(), Fire(AwaitingReceipt(), LotTimer.Poll), T0.AddSeconds(15)).State;
        var d = Run(s, new LotEvent.ReceiptAnswered(Receipt(104, Prot(K1, 100), Prot(K2, 204, null))), T0.AddSeconds(15));
        Assert.Equal(LotPhase.Reconciling, d.State.Phase);
        Assert.Equal([K2], d.State.OpenKeys);
        var consult = Run(d.State, Fire(d.State, LotTimer.Consult), T0.AddSeconds(15));
        Assert.Equal([K2], Assert.IsType<Consult>(Assert.Single(consult.Commands)).Keys);
        var answered = Run(consult.State, new LotEvent.ConsultAnswered(new Dictionary<string, RetConsSitNFe> { [K2] = Consult(K2, 100, Prot(K2, 100)) }), T0.AddSeconds(16));
        var authorized = Assert.IsType<DocumentOutcome.Authorized>(answered.Commands.OfType<Resolve>().Single().Outcome);
        Assert.True(authorized.FromConsult);
        Assert.Equal(LotPhase.Closed, answered.State.Phase);
    }

    [Fact]
    public void Unknown_receipt_is_reconciled_by_key_at_once()
    {
        var s = Run(AwaitingReceipt(), Fire(AwaitingReceipt(), LotTimer.Poll), T0.AddSeconds(15)).State;
        var d = Run(s, new LotEvent.ReceiptAnswered(Receipt(106)), T0.AddSeconds(15));
        Assert.Equal(LotPhase.Reconciling, d.State.Phase);
        Assert.Equal([new Schedule(LotTimer.Consult, T0.AddSeconds(15), 2)], d.Commands);
    }

    [Fact]
    public void Send_with_unknown_outcome_consults_before_anything_is_resent()
    {
        var sending = Run(NewLot(), new LotEvent.Start(), T0).State;
        var d = Run(sending, new LotEvent.SendFailed(SefazErrorCode.Timeout, OutcomeUnknown: true), T0);
        Assert.Equal(LotPhase.Reconciling, d.State.Phase);
        Assert.DoesNotContain(d.Commands, c => c is Send);
        Assert.Equal([new Schedule(LotTimer.Consult, T0.AddSeconds(15), 1)], d.Commands);

        // First round: one authorized (the send did arrive), one not found yet.
        var round1 = Run(Run(d.State, Fire(d.State, LotTimer.Consult), T0.AddSeconds(15)).State,
            new LotEvent.ConsultAnswered(new Dictionary<string, RetConsSitNFe> { [K1] = Consult(K1, 100, Prot(K1, 100)), [K2] = Consult(K2, 217) }),
            T0.AddSeconds(15));
        Assert.Single(round1.Commands.OfType<Resolve>());
        Assert.Equal([K2], round1.State.OpenKeys);
        var wait = Assert.Single(round1.Commands.OfType<Schedule>());
        Assert.Equal(T0.AddSeconds(30), wait.DueAt);

        // Second round, a wait later, still not found: never received, requeued for a new lot.
        var round2 = Run(Run(round1.State, Fire(round1.State, LotTimer.Consult), T0.AddSeconds(30)).State,
            new LotEvent.ConsultAnswered(new Dictionary<string, RetConsSitNFe> { [K2] = Consult(K2, 217) }), T0.AddSeconds(30));
        Assert.IsType<DocumentOutcome.Requeued>(round2.Commands.OfType<Resolve>().Single().Outcome);
        Assert.Equal(LotPhase.Closed, round2.State.Phase);
    }

    [Fact]
    public void Restart_during_a_send_is_treated_as_unknown_outcome()
    {
        var sending = Run(NewLot(), new LotEvent.Start(), T0).State;
        var d = Run(sending, new LotEvent.Resumed(), T0.AddSeconds(3));
        Assert.Equal(LotPhase.Reconciling, d.State.Phase);
        Assert.DoesNotContain(d.Commands, c => c is Send);
    }

    [Fact]
    public void Send_that_never_reached_sefaz_is_retried_with_backoff()
    {
        var sending = Run(NewLot(), new LotEvent.Start(), T0).State;
        var d = Run(sending, new LotEvent.SendFailed(SefazErrorCode.ConnectFailed, OutcomeUnknown: false), T0);
        Assert.Equal([new Schedule(LotTimer.Send, T0.AddSeconds(20), 1)], d.Commands);
        var again = Run(d.State, Fire(d.State, LotTimer.Send), T0.AddSeconds(20));
        Assert.Equal([new Send(false)], again.Commands);
        Assert.Equal(2, again.State.SendAttempts);
    }

    [Theory]
    [InlineData(108, 300)]
    [InlineData(109, 300)]
    [InlineData(656, 3600)]
    public void Paralysed_service_or_consumption_block_delays_the_send(int cStat, int seconds)
    {
        var sending = Run(NewLot(), new LotEvent.Start(), T0).State;
        var answer = new RetEnviNFe(2, "SIM", cStat, "x", 35, T0, null, null, null);
        var d = Run(sending, new LotEvent.SendAnswered(answer), T0);
        Assert.Equal([new Schedule(LotTimer.Send, T0.AddSeconds(seconds), 1)], d.Commands);
        Assert.Equal(LotPhase.Created, d.State.Phase);
    }

    [Fact]
    public void Lot_rejection_rejects_every_document_as_correctable()
    {
        var sending = Run(NewLot(), new LotEvent.Start(), T0).State;
        var answer = new RetEnviNFe(2, "SIM", 225, "Rejeição: Falha no Schema XML do lote de NFe", 35, T0, null, null, null);
        var d = Run(sending, new LotEvent.SendAnswered(answer), T0);
        Assert.Equal(2, d.Commands.OfType<Resolve>().Count(r => r.Outcome is DocumentOutcome.Rejected { cStat: 225 }));
        Assert.Equal(LotPhase.Closed, d.State.Phase);
    }

    [Fact]
    public void Synchronous_lot_is_resolved_from_the_send_answer()
    {
        var sending = Run(NewLot(true, K1), new LotEvent.Start(), T0).State;
        var answer = new RetEnviNFe(2, "SIM", 104, "Lote processado", 35, T0, null, null, Prot(K1, 100));
        var d = Run(sending, new LotEvent.SendAnswered(answer), T0);
        Assert.IsType<DocumentOutcome.Authorized>(d.Commands.OfType<Resolve>().Single().Outcome);
        Assert.Equal(LotPhase.Closed, d.State.Phase);
    }

    [Fact]
    public void Closed_lot_ignores_late_answers_and_timers()
    {
        var s = NewLot() with { Phase = LotPhase.Closed, OpenKeys = [] };
        Assert.Empty(Run(s, new LotEvent.ReceiptAnswered(Receipt(104, Prot(K1, 100))), T0).Commands);
        Assert.Empty(Run(s, Fire(s, LotTimer.Poll), T0).Commands);
        Assert.Empty(Run(s, new LotEvent.Start(), T0).Commands);
    }

    [Fact]
    public void Consumption_block_on_receipt_waits_an_hour()
    {
        var s = Run(AwaitingReceipt(), Fire(AwaitingReceipt(), LotTimer.Poll), T0.AddSeconds(15)).State;
        var d = Run(s, new LotEvent.ReceiptAnswered(Receipt(656)), T0.AddSeconds(15));
        Assert.Equal([new Schedule(LotTimer.Poll, T0.AddSeconds(15).AddHours(1), 2)], d.Commands);
    }

    [Fact]
    public void Timer_from_an_earlier_wait_is_stale_and_ignored()
    {
        var s = Run(AwaitingReceipt(), Fire(AwaitingReceipt(), LotTimer.Poll), T0.AddSeconds(15)).State;
        var waiting = Run(s, new LotEvent.ReceiptAnswered(Receipt(105)), T0.AddSeconds(15)).State;
        var stale = new LotEvent.TimerFired(LotTimer.Poll, waiting.TimerSeq - 1);
        Assert.Empty(Run(waiting, stale, T0.AddHours(1)).Commands);
        Assert.Single(Run(waiting, Fire(waiting, LotTimer.Poll), T0.AddHours(1)).Commands);
    }
}
