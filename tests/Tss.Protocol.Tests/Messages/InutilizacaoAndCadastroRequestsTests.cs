using Tss.Protocol.Messages;
using Tss.Protocol.Signing;
using static Tss.Protocol.Tests.Signing.SigningFixtures;

namespace Tss.Protocol.Tests.Messages;

public class InutilizacaoAndCadastroRequestsTests
{
    internal static string Inut(int nNFIni = 100, int nNFFin = 110, string xJust = "Falha de sequência na numeração do sistema") =>
        NfeRequests.InutNFe(2, 35, 26, "11222333000181", 55, 1, nNFIni, nNFFin, xJust);

    [Fact]
    public void InutNFe_matches_the_golden_file_and_its_Id_has_41_digits()
    {
        var xml = Inut();

        Assert.Equal(Golden.Text("inutNFe.xml"), xml);
        Assert.Equal("ID35261122233300018155001000000100000000110", NfeRequests.InutilizacaoId(35, 26, "11222333000181", 55, 1, 100, 110));
    }

    [Fact]
    public void Signed_inutNFe_and_its_ProcInutNFe_are_schema_valid()
    {
        using var signer = new XmlDsigSigner(Signer);
        var signed = signer.Sign(Inut(), "infInut");
        Golden.AssertValid(signed, "inutNFe_v4.00.xsd");

        var ret = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Responses", "retInutNFe-102-homologated.xml"));
        var proc = NfeProcs.ProcInutNFe(signed, ret);

        Golden.AssertValid(proc, "procInutNFe_v4.00.xsd");
        Assert.Equal($"<ProcInutNFe xmlns=\"{NfeNamespaces.Nfe}\" versao=\"4.00\">{signed}{ret}</ProcInutNFe>", proc);
    }

    [Fact]
    public void ProcInutNFe_refuses_a_rejection_or_an_answer_for_another_range()
    {
        using var signer = new XmlDsigSigner(Signer);
        var responses = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Responses");
        var rejected = File.ReadAllText(Path.Combine(responses, "retInutNFe-241-number-used.xml"));
        var homologated = File.ReadAllText(Path.Combine(responses, "retInutNFe-102-homologated.xml"));

        Assert.Equal(ProtocolErrorCodes.Message.ProcPart, Assert.Throws<MessageInputException>(() => NfeProcs.ProcInutNFe(signer.Sign(Inut(), "infInut"), rejected)).Code);
        Assert.Equal(ProtocolErrorCodes.Message.ProcPart, Assert.Throws<MessageInputException>(() => NfeProcs.ProcInutNFe(signer.Sign(Inut(100, 111), "infInut"), homologated)).Code);
        Assert.Equal(ProtocolErrorCodes.Message.ProcPart, Assert.Throws<MessageInputException>(() => NfeProcs.ProcInutNFe("<NFe/>", homologated)).Code);
    }

    [Theory]
    [InlineData(0, 10, ProtocolErrorCodes.Message.NumberRange)]
    [InlineData(11, 10, ProtocolErrorCodes.Message.NumberRange)]
    [InlineData(1, 1_000_000_000, ProtocolErrorCodes.Message.NumberRange)]
    public void InutNFe_refuses_a_range_outside_one_to_999999999_or_reversed(int ini, int fin, string code)
    {
        Assert.Equal(code, Assert.Throws<MessageInputException>(() => Inut(ini, fin)).Code);
    }

    [Fact]
    public void InutNFe_refuses_malformed_fields()
    {
        Assert.Equal(ProtocolErrorCodes.Message.Mod, Assert.Throws<MessageInputException>(() => NfeRequests.InutNFe(2, 35, 26, "11222333000181", 57, 1, 1, 1, "Justificativa longa o bastante")).Code);
        Assert.Equal(ProtocolErrorCodes.Message.Serie, Assert.Throws<MessageInputException>(() => NfeRequests.InutNFe(2, 35, 26, "11222333000181", 55, 1000, 1, 1, "Justificativa longa o bastante")).Code);
        Assert.Equal(ProtocolErrorCodes.Message.Ano, Assert.Throws<MessageInputException>(() => NfeRequests.InutNFe(2, 35, 2026, "11222333000181", 55, 1, 1, 1, "Justificativa longa o bastante")).Code);
        Assert.Equal(ProtocolErrorCodes.Message.Author, Assert.Throws<MessageInputException>(() => NfeRequests.InutNFe(2, 35, 26, "1122233300018A", 55, 1, 1, 1, "Justificativa longa o bastante")).Code);
        Assert.Equal(ProtocolErrorCodes.Message.Orgao, Assert.Throws<MessageInputException>(() => NfeRequests.InutNFe(2, 91, 26, "11222333000181", 55, 1, 1, 1, "Justificativa longa o bastante")).Code);
        Assert.Equal(ProtocolErrorCodes.Message.XJust, Assert.Throws<MessageInputException>(() => Inut(xJust: "curta")).Code);
    }

    [Fact]
    public void ConsCad_matches_the_golden_file_and_the_schema()
    {
        var xml = NfeRequests.ConsCad("SP", cnpj: "11222333000181");

        Assert.Equal(Golden.Text("consCad.xml"), xml);
        Golden.AssertValid(xml, "consCad_v2.00.xsd");
        Golden.AssertValid(NfeRequests.ConsCad("MG", cpf: "12345678909"), "consCad_v2.00.xsd");
        Golden.AssertValid(NfeRequests.ConsCad("RS", ie: "0960012345"), "consCad_v2.00.xsd");
    }

    [Fact]
    public void ConsCad_needs_exactly_one_well_formed_party_and_a_UF()
    {
        Assert.Equal(ProtocolErrorCodes.Message.CadastroParty, Assert.Throws<MessageInputException>(() => NfeRequests.ConsCad("SP")).Code);
        Assert.Equal(ProtocolErrorCodes.Message.CadastroParty, Assert.Throws<MessageInputException>(() => NfeRequests.ConsCad("SP", cnpj: "11222333000181", ie: "123")).Code);
        Assert.Equal(ProtocolErrorCodes.Message.CadastroParty, Assert.Throws<MessageInputException>(() => NfeRequests.ConsCad("SP", ie: "ISENTO")).Code);
        Assert.Equal(ProtocolErrorCodes.Message.CadastroParty, Assert.Throws<MessageInputException>(() => NfeRequests.ConsCad("SP", cpf: "1234567890")).Code);
        Assert.Equal(ProtocolErrorCodes.Message.Uf, Assert.Throws<MessageInputException>(() => NfeRequests.ConsCad("sp", cnpj: "11222333000181")).Code);
        Assert.Equal(ProtocolErrorCodes.Message.Uf, Assert.Throws<MessageInputException>(() => NfeRequests.ConsCad("AN", cnpj: "11222333000181")).Code);
    }
}
