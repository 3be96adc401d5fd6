using Tss.DevTools.Chaos;

namespace Tss.DevTools.Tests.Chaos;

public sealed class ChaosAuditTests
{
    private const string A = "35261111222333000181550010000000011000000011";
    private const string B = "35261111222333000181550010000000021000000022";

    private static SefazExchange Send(long id, int cStat, params string[] keys) => new(id, "enviNFe", keys, [cStat], 200);

    private static SefazExchange Consult(long id, string key) => new(id, "consSitNFe", [key], [100], 200);

    [Fact]
    public void A_lot_sent_once_is_no_blind_resend()
    {
        Assert.Equal(0, ChaosAudit.BlindResends([Send(1, 103, A, B), new SefazExchange(2, "consReciNFe", [], [104, 100, 100], 200)]));
    }

    [Fact]
    public void Sending_keys_again_after_SEFAZ_took_them_in_without_consulting_is_a_blind_resend_per_key()
    {
        Assert.Equal(2, ChaosAudit.BlindResends([Send(1, 103, A, B), Send(2, 103, A, B)]));
    }

    [Fact]
    public void A_resend_after_consulting_the_key_is_reconciled_not_blind()
    {
        Assert.Equal(1, ChaosAudit.BlindResends([Send(1, 103, A, B), Consult(2, A), Send(3, 103, A, B)]));
    }

    [Fact]
    public void A_lot_SEFAZ_did_not_take_in_may_be_sent_again()
    {
        // 656 (consumo indevido) and a transport fault before processing (no cStat): nothing entered the base.
        Assert.Equal(0, ChaosAudit.BlindResends([Send(1, 656, A), new SefazExchange(2, "enviNFe", [A], [], 0), Send(3, 103, A)]));
    }

    [Fact]
    public void Exchanges_are_read_in_log_order_whatever_order_they_come_in()
    {
        Assert.Equal(0, ChaosAudit.BlindResends([Send(3, 103, A), Consult(2, A), Send(1, 103, A)]));
    }

    [Fact]
    public void A_document_with_two_debit_lines_is_a_double_debit_even_under_two_references()
    {
        Assert.Equal(0, ChaosAudit.DoubleDebits([$"{A}:digestA", $"{B}:digestB"]));
        Assert.Equal(1, ChaosAudit.DoubleDebits([$"{A}:digestA", $"{A}:otherDigest", $"{B}:digestB"]));
    }

    [Fact]
    public void Redelivery_under_the_same_id_is_deduplicated_but_a_second_id_for_a_document_is_a_duplicate()
    {
        var now = DateTimeOffset.UtcNow;
        WebhookReceipt Receipt(string id, params string[] keys) => new(id, [.. keys.Select(k => new WebhookDocument(k, "Authorized"))], now);

        var redelivered = ChaosAudit.Deliveries([Receipt("d1", A, B), Receipt("d1", A, B)]);
        Assert.Equal((0, 1, 2), (redelivered.Duplicates, redelivered.Redeliveries, redelivered.Delivered.Count));

        var duplicated = ChaosAudit.Deliveries([Receipt("d1", A, B), Receipt("d2", A)]);
        Assert.Equal((1, 0), (duplicated.Duplicates, duplicated.Redeliveries));
    }
}
