using Tss.Sefaz.Simulator.Faults;

namespace Tss.Sefaz.Simulator.Tests.Lots;

public class LotEngineTests
{
    [Fact]
    public void Async_lot_is_received_then_in_processing_then_processed()
    {
        var h = new EngineHarness(o => o.ProcessingTime = TimeSpan.FromSeconds(5));

        var receipt = h.Send(false, EngineHarness.Document(1), EngineHarness.Document(2));
        Assert.Equal(103, receipt.cStat);
        Assert.Equal("Lote recebido com sucesso", receipt.xMotivo);
        Assert.Equal(1, receipt.tMed);
        Assert.Matches("^351[0-9]{12}$", receipt.nRec);

        h.Advance(2);
        var pending = h.Engine.Query(receipt.nRec!, EngineHarness.Transmitter);
        Assert.Equal(105, pending.cStat);
        Assert.Empty(pending.Documents);
        Assert.Null(h.Authorizations.Find(EngineHarness.Key(1)));

        h.Advance(3);
        var done = h.Engine.Query(receipt.nRec!, EngineHarness.Transmitter);
        Assert.Equal(104, done.cStat);
        Assert.Equal([EngineHarness.Key(1), EngineHarness.Key(2)], done.Documents.Select(d => d.chNFe));
        Assert.All(done.Documents, d => Assert.Equal(100, d.cStat));
        Assert.All(done.Documents, d => Assert.Matches("^135[0-9]{2}[0-9]{10}$", d.nProt));
        Assert.Equal("q83vEjRWeJq83vEjRWeJq83vEjQ=", done.Documents[0].digVal);
        Assert.Equal(done.Documents[0].nProt, h.Authorizations.Find(EngineHarness.Key(1))!.nProt);
    }

    [Fact]
    public void Protocols_and_receipts_follow_the_documented_layouts()
    {
        var h = new EngineHarness();
        var first = h.Send(true, EngineHarness.Document(1));
        var second = h.Send(true, EngineHarness.Document(2));

        Assert.Equal(104, first.cStat);
        Assert.Equal(15, first.nRec!.Length);
        Assert.NotEqual(first.nRec, second.nRec);
        var nProt = first.Sync!.nProt!;
        Assert.Equal(15, nProt.Length);
        Assert.Equal("135", nProt[..3]);
        Assert.Equal("25", nProt[3..5]);
        Assert.NotEqual(nProt, second.Sync!.nProt);
    }

    [Fact]
    public void Unknown_receipt_is_not_located()
    {
        var h = new EngineHarness();
        var answer = h.Engine.Query("351000000009999", EngineHarness.Transmitter);
        Assert.Equal(106, answer.cStat);
        Assert.Equal("Lote não localizado", answer.xMotivo);
    }

    [Fact]
    public void Processed_results_expire_after_the_retention_time()
    {
        var h = new EngineHarness();
        var receipt = h.Send(false, EngineHarness.Document(1), EngineHarness.Document(2));
        h.Advance(5);
        Assert.Equal(104, h.Engine.Query(receipt.nRec!, EngineHarness.Transmitter).cStat);

        h.Time.Advance(TimeSpan.FromHours(24));
        Assert.Equal(106, h.Engine.Query(receipt.nRec!, EngineHarness.Transmitter).cStat);
        Assert.NotNull(h.Authorizations.Find(EngineHarness.Key(1)));
    }

    [Fact]
    public void Sync_lot_answers_104_with_the_protocol_at_once()
    {
        var h = new EngineHarness();
        var receipt = h.Send(true, EngineHarness.Document(7));
        Assert.Equal(104, receipt.cStat);
        Assert.Null(receipt.tMed);
        Assert.Equal(100, receipt.Sync!.cStat);
        Assert.Equal("Autorizado o uso da NF-e", receipt.Sync.xMotivo);
        Assert.Contains("<nProt>" + receipt.Sync.nProt + "</nProt>", receipt.Sync.ProtNFeXml, StringComparison.Ordinal);
    }

    [Fact]
    public void Async_lot_with_a_single_nfe_is_refused_with_452()
    {
        var h = new EngineHarness();
        var receipt = h.Send(false, EngineHarness.Document(1));
        Assert.Equal(452, receipt.cStat);
        Assert.Equal("Rejeição: Solicitada resposta assíncrona para Lote com somente 1 (uma) NF-e", receipt.xMotivo);
        Assert.Null(receipt.nRec);
    }

    [Fact]
    public void Rule_452_can_be_switched_off_and_does_not_apply_to_nfce()
    {
        var relaxed = new EngineHarness(o => o.Enforce452 = false);
        Assert.Equal(103, relaxed.Send(false, EngineHarness.Document(1)).cStat);

        var strict = new EngineHarness();
        Assert.Equal(103, strict.Send(false, EngineHarness.Document(1, mod: 65)).cStat);
    }

    [Fact]
    public void Document_from_another_environment_refuses_the_lot_with_252()
    {
        var h = new EngineHarness();
        var receipt = h.Send(false, EngineHarness.Document(1), EngineHarness.Document(2, tpAmb: 1));
        Assert.Equal(252, receipt.cStat);
        Assert.Empty(h.Engine.List());
    }

    [Fact]
    public void Sync_lot_with_more_than_one_nfe_is_refused()
    {
        var h = new EngineHarness();
        var receipt = h.Send(true, EngineHarness.Document(1), EngineHarness.Document(2));
        Assert.Equal(225, receipt.cStat);
        Assert.Null(receipt.Sync);
    }

    [Fact]
    public void Same_document_sent_again_is_a_duplicity_naming_the_original_receipt()
    {
        var h = new EngineHarness();
        var original = h.Send(true, EngineHarness.Document(1));
        var again = h.Send(true, EngineHarness.Document(1));

        Assert.Equal(204, again.Sync!.cStat);
        Assert.Equal($"Rejeição: Duplicidade de NF-e [nRec:{original.nRec}]", again.Sync.xMotivo);
        Assert.Null(again.Sync.nProt);
        Assert.Equal(1, h.Authorizations.Find(EngineHarness.Key(1))!.TimesAuthorized);
        Assert.Single(h.Authorizations.All());
    }

    [Fact]
    public void Same_key_with_other_content_is_a_duplicity_with_difference()
    {
        var h = new EngineHarness();
        var original = h.Send(true, EngineHarness.Document(1, digVal: "AAAAAAAAAAAAAAAAAAAAAAAAAAA="));
        var changed = h.Send(true, EngineHarness.Document(1, digVal: "BBBBBBBBBBBBBBBBBBBBBBBBBBA="));

        Assert.Equal(539, changed.Sync!.cStat);
        Assert.Equal(
            $"Rejeição: Duplicidade de NF-e com diferença na Chave de Acesso [chNFe:{EngineHarness.Key(1)}][nRec:{original.nRec}]",
            changed.Sync.xMotivo);
    }

    [Fact]
    public void Same_number_under_another_key_is_a_duplicity_with_difference_naming_the_authorized_key()
    {
        var h = new EngineHarness();
        h.Send(true, EngineHarness.Document(1, cNF: 11111111));
        var renumbered = h.Send(true, EngineHarness.Document(1, cNF: 22222222));

        Assert.Equal(539, renumbered.Sync!.cStat);
        Assert.Contains($"[chNFe:{EngineHarness.Key(1, cNF: 11111111)}]", renumbered.Sync.xMotivo, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicity_inside_one_lot_authorizes_only_the_first()
    {
        var h = new EngineHarness();
        var receipt = h.Send(false, EngineHarness.Document(3), EngineHarness.Document(3));
        h.Advance(2);
        var answer = h.Engine.Query(receipt.nRec!, EngineHarness.Transmitter);
        Assert.Equal([100, 204], answer.Documents.Select(d => d.cStat));
    }

    [Fact]
    public void Document_rejected_by_its_checks_is_not_authorized_and_may_be_resent()
    {
        var h = new EngineHarness();
        var bad = EngineHarness.Document(1) with { RejectioncStat = 297, RejectionxMotivo = "Rejeição: Assinatura difere do calculado" };
        Assert.Equal(297, h.Send(true, bad).Sync!.cStat);
        Assert.Null(h.Authorizations.Find(bad.chNFe));

        Assert.Equal(100, h.Send(true, EngineHarness.Document(1)).Sync!.cStat);
    }

    [Fact]
    public void Forced_rejection_applies_to_the_next_documents_then_clears()
    {
        var h = new EngineHarness();
        h.Faults.Add(new FaultSpec { Kind = FaultKind.Rejection, cStat = 301, xMotivo = "Uso Denegado: Irregularidade fiscal do emitente", Count = 2 });

        var receipt = h.Send(false, EngineHarness.Document(1), EngineHarness.Document(2), EngineHarness.Document(3));
        h.Advance(2);
        var answer = h.Engine.Query(receipt.nRec!, EngineHarness.Transmitter);

        Assert.Equal([301, 301, 100], answer.Documents.Select(d => d.cStat));
        Assert.Equal("Uso Denegado: Irregularidade fiscal do emitente", answer.Documents[0].xMotivo);
        Assert.Empty(h.Faults.List());
    }

    [Fact]
    public void Forced_rejection_for_a_key_spares_the_other_documents()
    {
        var h = new EngineHarness();
        h.Faults.Add(new FaultSpec { Kind = FaultKind.Rejection, cStat = 999, xMotivo = "Rejeição: Erro não catalogado", chNFe = EngineHarness.Key(2) });

        Assert.Equal(100, h.Send(true, EngineHarness.Document(1)).Sync!.cStat);
        Assert.Equal(999, h.Send(true, EngineHarness.Document(2)).Sync!.cStat);
        Assert.Single(h.Faults.List());
    }
}
