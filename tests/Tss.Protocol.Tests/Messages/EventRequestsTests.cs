using Tss.Protocol.Messages;
using Tss.Protocol.Schemas;
using Tss.Protocol.Signing;
using static Tss.Protocol.Tests.Signing.SigningFixtures;

namespace Tss.Protocol.Tests.Messages;

public class EventRequestsTests
{
    internal const string ChNFe = "35260711222333000181550010000123451314159264";
    internal const string Emitter = "11222333000181";
    private static readonly TimeSpan Brasilia = TimeSpan.FromHours(-3);

    internal static string Cancel(string xJust = "Pedido cancelado pelo cliente & mercadoria não saiu", int nSeqEvento = 1) =>
        NfeRequests.Cancelamento(35, 2, Emitter, ChNFe, new DateTimeOffset(2026, 7, 14, 11, 0, 0, Brasilia), "135260000012345", xJust, nSeqEvento);

    internal static string Correction(int nSeqEvento = 2, string xCorrecao = "Onde se lê CFOP 5102, leia-se CFOP 5405 no item 1") =>
        NfeRequests.CartaCorrecao(35, 2, Emitter, ChNFe, new DateTimeOffset(2026, 7, 14, 11, 30, 0, Brasilia), nSeqEvento, xCorrecao);

    [Fact]
    public void Cancelamento_matches_the_golden_file()
    {
        Assert.Equal(Golden.Text("evento-110111.xml"), Cancel());
    }

    [Fact]
    public void CartaCorrecao_matches_the_golden_file_with_the_fixed_conditions_of_use()
    {
        var xml = Correction();

        Assert.Equal(Golden.Text("evento-110110.xml"), xml);
        Assert.Contains($"<xCondUso>{NfeRequests.CCeConditionsOfUse}</xCondUso>", xml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("110111", "envEventoCancNFe_v1.00.xsd", "procEventoCancNFe_v1.00.xsd")]
    [InlineData("110110", "envCCe_v1.00.xsd", "procCCeNFe_v1.00.xsd")]
    public void Signed_event_lot_and_its_procEventoNFe_are_valid_against_the_event_schemas(string tpEvento, string envSchema, string procSchema)
    {
        using var signer = new XmlDsigSigner(Signer);
        var signed = signer.Sign(tpEvento == "110111" ? Cancel() : Correction(), "infEvento");

        var env = NfeRequests.EnvEvento(202607140001, [signed]);
        Golden.AssertValid(env, envSchema);

        var nSeq = tpEvento == "110111" ? 1 : 2;
        var ret = $"<retEvento xmlns=\"{NfeNamespaces.Nfe}\" versao=\"1.00\"><infEvento Id=\"ID135260000099001\"><tpAmb>2</tpAmb><verAplic>SIM</verAplic>"
            + $"<cOrgao>35</cOrgao><cStat>135</cStat><xMotivo>Evento registrado e vinculado a NF-e</xMotivo><chNFe>{ChNFe}</chNFe>"
            + $"<tpEvento>{tpEvento}</tpEvento><xEvento>Registrado</xEvento><nSeqEvento>{nSeq}</nSeqEvento>"
            + "<dhRegEvento>2026-07-14T11:30:02-03:00</dhRegEvento><nProt>135260000099001</nProt></infEvento></retEvento>";
        var proc = NfeProcs.ProcEventoNFe(signed, ret);
        Golden.AssertValid(proc, procSchema);
        Assert.StartsWith($"<procEventoNFe xmlns=\"{NfeNamespaces.Nfe}\" versao=\"1.00\">{signed}", proc, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lot_holds_twenty_events_and_refuses_twenty_one()
    {
        using var signer = new XmlDsigSigner(Signer);
        var events = Enumerable.Range(1, 20).Select(n => signer.Sign(Correction(n), "infEvento")).ToList();

        Golden.AssertValid(NfeRequests.EnvEvento(1, events), "envCCe_v1.00.xsd");
        var refused = Assert.Throws<MessageInputException>(() => NfeRequests.EnvEvento(1, [.. events, events[0]]));
        Assert.Equal(ProtocolErrorCodes.Message.EventCount, refused.Code);
        Assert.Equal(ProtocolErrorCodes.Message.EventCount, Assert.Throws<MessageInputException>(() => NfeRequests.EnvEvento(1, [])).Code);
    }

    [Fact]
    public void A_lot_keeps_each_signed_event_byte_for_byte_without_declaration()
    {
        using var signer = new XmlDsigSigner(Signer);
        var signed = signer.Sign(Cancel(), "infEvento");

        var env = NfeRequests.EnvEvento(7, ["\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + signed + "\r\n"]);

        Assert.Equal($"<envEvento xmlns=\"{NfeNamespaces.Nfe}\" versao=\"1.00\"><idLote>7</idLote>{signed}</envEvento>", env);
    }

    [Theory]
    [InlineData("<eventos></eventos>")]
    [InlineData("<NFe></NFe>")]
    [InlineData("<?xml version=\"1.0\"<evento></evento>")]
    public void A_lot_refuses_an_item_that_is_not_an_evento(string item)
    {
        Assert.Equal(ProtocolErrorCodes.Message.Evento, Assert.Throws<MessageInputException>(() => NfeRequests.EnvEvento(1, [item])).Code);
    }

    [Theory]
    [InlineData("curta demais")]
    [InlineData(" começa com espaço e segue")]
    [InlineData("termina com espaço e segue ")]
    [InlineData("tem quebra\nde linha no meio")]
    [InlineData("aspas tipográficas “não” passam")]
    public void Cancelamento_refuses_a_justification_outside_the_schema_text(string xJust)
    {
        var refused = Assert.Throws<MessageInputException>(() => Cancel(xJust));

        Assert.Equal(ProtocolErrorCodes.Message.XJust, refused.Code);
    }

    [Fact]
    public void Justification_and_correction_lengths_are_checked_at_both_ends()
    {
        Assert.Contains(new string('x', 255), Cancel(new string('x', 255)), StringComparison.Ordinal);
        Assert.Equal(ProtocolErrorCodes.Message.XJust, Assert.Throws<MessageInputException>(() => Cancel(new string('x', 256))).Code);
        Assert.Contains(new string('y', 1000), Correction(1, new string('y', 1000)), StringComparison.Ordinal);
        Assert.Equal(ProtocolErrorCodes.Message.XCorrecao, Assert.Throws<MessageInputException>(() => Correction(1, new string('y', 1001))).Code);
        Assert.Equal(ProtocolErrorCodes.Message.XCorrecao, Assert.Throws<MessageInputException>(() => Correction(1, new string('y', 14))).Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    public void CartaCorrecao_refuses_a_sequence_outside_one_to_twenty(int nSeqEvento)
    {
        Assert.Equal(ProtocolErrorCodes.Message.NSeqEvento, Assert.Throws<MessageInputException>(() => Correction(nSeqEvento)).Code);
    }

    [Fact]
    public void Event_builders_refuse_malformed_parties_keys_and_instants()
    {
        var when = new DateTimeOffset(2026, 7, 14, 11, 0, 0, Brasilia);
        Assert.Equal(ProtocolErrorCodes.Message.Author, Code(() => NfeRequests.Cancelamento(35, 2, "11222333000180", ChNFe, when, "135260000012345", "Justificativa longa o bastante")));
        Assert.Equal(ProtocolErrorCodes.Message.ChNFe, Code(() => NfeRequests.Cancelamento(35, 2, Emitter, ChNFe[..43] + "0", when, "135260000012345", "Justificativa longa o bastante")));
        Assert.Equal(ProtocolErrorCodes.Message.NProt, Code(() => NfeRequests.Cancelamento(35, 2, Emitter, ChNFe, when, "1352600000123", "Justificativa longa o bastante")));
        Assert.Equal(ProtocolErrorCodes.Message.TpAmb, Code(() => NfeRequests.Cancelamento(35, 3, Emitter, ChNFe, when, "135260000012345", "Justificativa longa o bastante")));
        Assert.Equal(ProtocolErrorCodes.Message.Orgao, Code(() => NfeRequests.Cancelamento(91, 2, Emitter, ChNFe, when, "135260000012345", "Justificativa longa o bastante")));
        Assert.Equal(ProtocolErrorCodes.Message.DhEvento, Code(() => NfeRequests.Cancelamento(35, 2, Emitter, ChNFe, new DateTimeOffset(2026, 7, 14, 11, 0, 0, TimeSpan.FromMinutes(-150)), "135260000012345", "Justificativa longa o bastante")));
        Assert.Equal(ProtocolErrorCodes.Message.IdLote, Code(() => NfeRequests.EnvEvento(1_000_000_000_000_000, ["<evento></evento>"])));
    }

    [Fact]
    public void An_event_by_a_CPF_emitter_carries_the_CPF()
    {
        var xml = NfeRequests.CartaCorrecao(35, 2, "12345678909", ChNFe, new DateTimeOffset(2026, 7, 14, 11, 0, 0, Brasilia), 1, "Correção do endereço de entrega");

        Assert.Contains("<CPF>12345678909</CPF>", xml, StringComparison.Ordinal);
    }

    private static string Code(Action build) => Assert.Throws<MessageInputException>(build).Code;
}
