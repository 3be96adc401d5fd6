using Tss.Protocol;
using Tss.Protocol.Messages;
using Tss.Sefaz.Client.Tests.Infrastructure;

namespace Tss.Sefaz.Client.Tests;

/// <summary>Events, inutilização and cadastro answers arrive as typed results over real mutual TLS.</summary>
public sealed class SefazClientEventTests(TestPki pki) : IClassFixture<TestPki>
{
    private const string EnvEvento = "<envEvento xmlns=\"http://www.portalfiscal.inf.br/nfe\" versao=\"1.00\"><idLote>1</idLote></envEvento>";
    private const string InutNFe = "<inutNFe xmlns=\"http://www.portalfiscal.inf.br/nfe\" versao=\"4.00\"></inutNFe>";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Event_lot_goes_to_RecepcaoEvento_and_answers_each_event()
    {
        await using var sefaz = await FakeSefaz.StartAsync(pki, Answers.Soap(Answers.Envelope("NFeRecepcaoEvento4", Answers.Fixture("retEnvEvento-128-registered-and-duplicate.xml"))));
        using var client = ClientFactory.For(sefaz.BaseUrl, pki);

        var ret = await client.RecepcaoEventoAsync(ClientFactory.Sp, pki.Client, NfeRequests.TpEventoCartaCorrecao, EnvEvento, Ct);

        var request = Assert.Single(sefaz.Requests);
        Assert.Equal("/NFeRecepcaoEvento4", request.Path);
        Assert.Contains("action=\"http://www.portalfiscal.inf.br/nfe/wsdl/NFeRecepcaoEvento4/nfeRecepcaoEvento\"", request.ContentType, StringComparison.Ordinal);
        Assert.Contains($"<nfeDadosMsg xmlns=\"http://www.portalfiscal.inf.br/nfe/wsdl/NFeRecepcaoEvento4\">{EnvEvento}</nfeDadosMsg>", request.Body, StringComparison.Ordinal);
        Assert.Equal(128, ret.cStat);
        Assert.Equal([135, 573], ret.retEvento.Select(e => e.cStat));
        Assert.StartsWith("<retEvento xmlns=\"http://www.portalfiscal.inf.br/nfe\" versao=\"1.00\">", ret.retEvento[0].Xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inutilizacao_answer_is_typed()
    {
        await using var sefaz = await FakeSefaz.StartAsync(pki, Answers.Soap(Answers.Envelope("NFeInutilizacao4", Answers.Fixture("retInutNFe-102-homologated.xml"))));
        using var client = ClientFactory.For(sefaz.BaseUrl, pki);

        var ret = await client.InutilizacaoAsync(ClientFactory.Sp, pki.Client, InutNFe, Ct);

        Assert.Equal("/NFeInutilizacao4", Assert.Single(sefaz.Requests).Path);
        Assert.Equal((102, "135260000077001", 100, 110), (ret.cStat, ret.nProt, ret.nNFIni, ret.nNFFin));
    }

    [Fact]
    public async Task Cadastro_query_is_built_for_the_target_UF_and_answered_typed()
    {
        await using var sefaz = await FakeSefaz.StartAsync(pki, Answers.Soap(Answers.Envelope("CadConsultaCadastro4", Answers.Fixture("retConsCad-111-one-record.xml"))));
        using var client = ClientFactory.For(sefaz.BaseUrl, pki);

        var ret = await client.ConsultaCadastroAsync(ClientFactory.Sp, pki.Client, cnpj: "11222333000181", ct: Ct);

        var request = Assert.Single(sefaz.Requests);
        Assert.Equal("/CadConsultaCadastro4", request.Path);
        Assert.Contains(NfeRequests.ConsCad("SP", cnpj: "11222333000181"), request.Body, StringComparison.Ordinal);
        Assert.Equal((111, "EMITENTE TESTE LTDA"), (ret.cStat, Assert.Single(ret.infCad).xNome));
    }

    [Fact]
    public async Task Unreadable_event_answer_leaves_the_outcome_unknown_but_an_unreadable_registry_answer_does_not()
    {
        var wrong = Answers.Fixture("retConsStatServ-107-in-operation.xml");
        await using var sefaz = await FakeSefaz.StartAsync(pki, Answers.Soap(Answers.Envelope("X", wrong)));
        using var client = ClientFactory.For(sefaz.BaseUrl, pki);

        var evento = await Assert.ThrowsAsync<SefazException>(() => client.RecepcaoEventoAsync(ClientFactory.Sp, pki.Client, "110111", EnvEvento, Ct));
        var inut = await Assert.ThrowsAsync<SefazException>(() => client.InutilizacaoAsync(ClientFactory.Sp, pki.Client, InutNFe, Ct));
        var cadastro = await Assert.ThrowsAsync<SefazException>(() => client.ConsultaCadastroAsync(ClientFactory.Sp, pki.Client, ie: "110042490114", ct: Ct));

        Assert.Equal((SefazErrorCode.MalformedResponse, true), (evento.Code, evento.OutcomeUnknown));
        Assert.Equal((SefazErrorCode.MalformedResponse, true), (inut.Code, inut.OutcomeUnknown));
        Assert.Equal((SefazErrorCode.MalformedResponse, false), (cadastro.Code, cadastro.OutcomeUnknown));
    }

    [Fact]
    public async Task Malformed_cadastro_query_is_refused_before_anything_is_sent()
    {
        await using var sefaz = await FakeSefaz.StartAsync(pki, Answers.Soap(Answers.Envelope("CadConsultaCadastro4", Answers.Fixture("retConsCad-111-one-record.xml"))));
        using var client = ClientFactory.For(sefaz.BaseUrl, pki);

        var refused = await Assert.ThrowsAsync<MessageInputException>(() => client.ConsultaCadastroAsync(ClientFactory.Sp, pki.Client, cnpj: "11222333000180", ct: Ct));

        Assert.Equal(ProtocolErrorCodes.Message.CadastroParty, refused.Code);
        Assert.Empty(sefaz.Requests);
    }
}
