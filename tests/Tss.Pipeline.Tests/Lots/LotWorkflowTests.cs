using Tss.Pipeline.Lots;
using Tss.Protocol.AccessKeys;
using Tss.Protocol.Messages;
using Tss.Sefaz.Client;

namespace Tss.Pipeline.Tests.Lots;

public class LotWorkflowTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 12, 0, 0, TimeSpan.FromHours(-3));
    private static readonly LotPolicy Policy = new();
    private static readonly AccessKey K1 = AccessKey.Parse("35261111222333000181550010000000011000000014");
    private static readonly AccessKey K2 = AccessKey.Parse("35261111222333000181550010000000021000000020");

    private static LotState NewLot(bool sync = false, params AccessKey[] keys) =>
        LotState.New("lot-1", 42, keys.Length == 0 ? [K1, K2] : keys, sync);

    private static ProtNFe Prot(AccessKey key, int cStat, string? nProt = "135260000000001") =>
        new(2, "SIM", key.Value, T0, nProt, "digest=", cStat, $"motivo {cStat}", "<protNFe/>");

    private static RetEnviNFe Accepted(int tMed) => new(2, "SIM", 103, "Lote recebido com sucesso", 35, T0, "351000000000001", tMed, null);

    private static RetConsReciNFe Receipt(int cStat, params ProtNFe[] prots) => new(2, "SIM", "351000000000001", cStat, "x", 35, T0, prots);

    private static RetConsSitNFe Consult(AccessKey key, int cStat, ProtNFe? prot = null) => new(2, "SIM", cStat, "x", 35, T0, key.Value, prot, []);

    private static LotDecision Run(LotState s, LotEvent e) => LotWorkflow.Decide(s, e, T0, Policy);

    private static LotState Sending(LotState? s = null) => LotWorkflow.BeginSend(s ?? NewLot(), T0);

    private static LotState AwaitingReceipt() => Run(Sending(), new LotEvent.SendAnswered(Accepted(1))).State;

    [Fact]
    public void A_send_attempt_is_numbered_and_timed_before_the_call()
    {
        var s = Sending();
        Assert.Equal(LotPhase.Sending, s.Phase);
        Assert.Equal(1, s.SendAttempts);
        Assert.Equal(T0, s.SentAt);
    }

    [Theory]
    [InlineData(1, 15)]
    [InlineData(15, 15)]
    [InlineData(40, 40)]
    public void First_receipt_query_waits_the_larger_of_15_seconds_and_tMed(int tMed, int expectedSeconds)
    {
        var d = Run(Sending(), new LotEvent.SendAnswered(Accepted(tMed)));
        Assert.Equal(LotPhase.AwaitingReceipt, d.State.Phase);
        Assert.Equal("351000000000001", d.State.nRec);
        Assert.Equal((LotAction.Poll, TimeSpan.FromSeconds(expectedSeconds)), (d.Next, d.Wait));
        Assert.Empty(d.Outcomes);
    }

    [Fact]
    public void Lot_in_processing_is_polled_again_with_growing_intervals()
    {
        var s = AwaitingReceipt();
        var waits = new List<double>();
        for (var i = 0; i < 7; i++)
        {
            var d = Run(s, new LotEvent.ReceiptAnswered(Receipt(105)));
            Assert.Equal(LotAction.Poll, d.Next);
            waits.Add(d.Wait.TotalSeconds);
            s = d.State;
        }
        Assert.Equal([5, 10, 20, 40, 80, 120, 120], waits);
    }

    [Fact]
    public void Processed_receipt_resolves_every_document_and_closes_the_lot()
    {
        var d = Run(AwaitingReceipt(), new LotEvent.ReceiptAnswered(Receipt(104, Prot(K1, 100), Prot(K2, 302, null))));
        Assert.Equal(LotPhase.Closed, d.State.Phase);
        Assert.Equal(LotAction.Close, d.Next);
        Assert.Collection(d.Outcomes,
            o => Assert.IsType<DocumentOutcome.Authorized>(o),
            o => Assert.IsType<DocumentOutcome.Denied>(o));
    }

    [Fact]
    public void Rejected_document_is_resolved_as_correctable_with_its_cStat()
    {
        var d = Run(AwaitingReceipt(), new LotEvent.ReceiptAnswered(Receipt(104, Prot(K1, 100), Prot(K2, 598, null))));
        var rejected = d.Outcomes.OfType<DocumentOutcome.Rejected>().Single();
        Assert.Equal((K2, 598), (rejected.Key, rejected.cStat));
    }

    [Fact]
    public void Duplicity_is_resolved_through_the_existing_authorization_not_an_error()
    {
        var d = Run(AwaitingReceipt(), new LotEvent.ReceiptAnswered(Receipt(104, Prot(K1, 100), Prot(K2, 204, null))));
        Assert.Equal(LotPhase.Reconciling, d.State.Phase);
        Assert.Equal([K2], d.State.OpenKeys);
        Assert.Equal((LotAction.Consult, TimeSpan.Zero), (d.Next, d.Wait));
        var answered = Run(d.State, new LotEvent.ConsultAnswered(new Dictionary<AccessKey, RetConsSitNFe> { [K2] = Consult(K2, 100, Prot(K2, 100)) }));
        var authorized = Assert.IsType<DocumentOutcome.Authorized>(Assert.Single(answered.Outcomes));
        Assert.True(authorized.FromConsult);
        Assert.Equal(LotPhase.Closed, answered.State.Phase);
    }

    /// <summary>Regression: a consultation answered 108/109/999 marked the document Rejected although its send may have
    /// reached SEFAZ (found when the reactions became tables).</summary>
    [Theory]
    [InlineData(108)]
    [InlineData(109)]
    [InlineData(999)]
    public void Consultation_answered_without_looking_at_the_document_leaves_it_open_and_asks_again_later(int cStat)
    {
        var d = Run(Sending(), new LotEvent.SendFailed(SefazErrorCode.Timeout, OutcomeUnknown: true));
        var answered = Run(d.State, new LotEvent.ConsultAnswered(new Dictionary<AccessKey, RetConsSitNFe> { [K1] = Consult(K1, 100, Prot(K1, 100)), [K2] = Consult(K2, cStat) }));

        Assert.IsType<DocumentOutcome.Authorized>(Assert.Single(answered.Outcomes));
        Assert.Equal([K2], answered.State.OpenKeys);
        Assert.Equal(LotPhase.Reconciling, answered.State.Phase);
        Assert.Equal(LotAction.Consult, answered.Next);
        Assert.Equal(cStat == 999 ? Policy.TransportRetry : Policy.ParalysedRetry, answered.Wait);
    }

    [Fact]
    public void Unknown_receipt_is_reconciled_by_key_at_once()
    {
        var d = Run(AwaitingReceipt(), new LotEvent.ReceiptAnswered(Receipt(106)));
        Assert.Equal(LotPhase.Reconciling, d.State.Phase);
        Assert.Equal((LotAction.Consult, TimeSpan.Zero), (d.Next, d.Wait));
    }

    [Fact]
    public void Send_with_unknown_outcome_consults_before_anything_is_resent()
    {
        var d = Run(Sending(), new LotEvent.SendFailed(SefazErrorCode.Timeout, OutcomeUnknown: true));
        Assert.Equal(LotPhase.Reconciling, d.State.Phase);
        Assert.Equal((LotAction.Consult, TimeSpan.FromSeconds(15)), (d.Next, d.Wait));

        // First round: one authorized (the send did arrive), one not found yet.
        var round1 = Run(d.State, new LotEvent.ConsultAnswered(new Dictionary<AccessKey, RetConsSitNFe> { [K1] = Consult(K1, 100, Prot(K1, 100)), [K2] = Consult(K2, 217) }));
        Assert.Single(round1.Outcomes);
        Assert.Equal([K2], round1.State.OpenKeys);
        Assert.Equal((LotAction.Consult, TimeSpan.FromSeconds(15)), (round1.Next, round1.Wait));

        // Second round, a wait later, still not found: never received, requeued for a new lot.
        var round2 = Run(round1.State, new LotEvent.ConsultAnswered(new Dictionary<AccessKey, RetConsSitNFe> { [K2] = Consult(K2, 217) }));
        Assert.IsType<DocumentOutcome.Requeued>(Assert.Single(round2.Outcomes));
        Assert.Equal(LotPhase.Closed, round2.State.Phase);
        Assert.Equal([K2], round2.State.Requeued);
    }

    [Fact]
    public void Interrupted_send_is_treated_as_unknown_outcome()
    {
        var d = Run(Sending(), new LotEvent.SendInterrupted());
        Assert.Equal(LotPhase.Reconciling, d.State.Phase);
        Assert.Equal(LotAction.Consult, d.Next);
    }

    [Fact]
    public void Send_that_never_reached_sefaz_is_retried_with_backoff()
    {
        var d = Run(Sending(), new LotEvent.SendFailed(SefazErrorCode.ConnectFailed, OutcomeUnknown: false));
        Assert.Equal((LotAction.Send, TimeSpan.FromSeconds(20)), (d.Next, d.Wait));
        Assert.Equal(LotPhase.Created, d.State.Phase);
        Assert.Equal(2, LotWorkflow.BeginSend(d.State, T0).SendAttempts);
    }

    [Theory]
    [InlineData(108, 300)]
    [InlineData(109, 300)]
    [InlineData(656, 3600)]
    public void Paralysed_service_or_consumption_block_delays_the_send(int cStat, int seconds)
    {
        var d = Run(Sending(), new LotEvent.SendAnswered(new RetEnviNFe(2, "SIM", cStat, "x", 35, T0, null, null, null)));
        Assert.Equal((LotAction.Send, TimeSpan.FromSeconds(seconds)), (d.Next, d.Wait));
        Assert.Equal(LotPhase.Created, d.State.Phase);
    }

    [Fact]
    public void Lot_rejection_rejects_every_document_as_correctable()
    {
        var answer = new RetEnviNFe(2, "SIM", 225, "Rejeição: Falha no Schema XML do lote de NFe", 35, T0, null, null, null);
        var d = Run(Sending(), new LotEvent.SendAnswered(answer));
        Assert.Equal(2, d.Outcomes.Count(o => o is DocumentOutcome.Rejected { cStat: 225 }));
        Assert.Equal((LotPhase.Closed, LotAction.Close), (d.State.Phase, d.Next));
    }

    [Fact]
    public void Synchronous_lot_is_resolved_from_the_send_answer()
    {
        var answer = new RetEnviNFe(2, "SIM", 104, "Lote processado", 35, T0, null, null, Prot(K1, 100));
        var d = Run(Sending(NewLot(true, K1)), new LotEvent.SendAnswered(answer));
        Assert.IsType<DocumentOutcome.Authorized>(Assert.Single(d.Outcomes));
        Assert.Equal(LotPhase.Closed, d.State.Phase);
    }

    [Fact]
    public void Closed_lot_ignores_late_answers()
    {
        var s = NewLot() with { Phase = LotPhase.Closed, OpenKeys = [] };
        var d = Run(s, new LotEvent.ReceiptAnswered(Receipt(104, Prot(K1, 100))));
        Assert.Empty(d.Outcomes);
        Assert.Equal(LotAction.Close, d.Next);
    }

    [Fact]
    public void Answer_that_does_not_fit_the_phase_changes_nothing_and_never_sends_blindly()
    {
        var s = AwaitingReceipt();
        var d = Run(s, new LotEvent.SendInterrupted());
        Assert.Equal(s, d.State);
        Assert.Equal(LotAction.Poll, d.Next);
        var reconciling = Run(Sending(), new LotEvent.SendInterrupted()).State;
        Assert.Equal(LotAction.Consult, Run(reconciling, new LotEvent.SendAnswered(Accepted(1))).Next);
    }

    [Fact]
    public void Consumption_block_on_receipt_waits_an_hour()
    {
        var d = Run(AwaitingReceipt(), new LotEvent.ReceiptAnswered(Receipt(656)));
        Assert.Equal((LotAction.Poll, TimeSpan.FromHours(1)), (d.Next, d.Wait));
    }
}
