using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Tss.Protocol.Messages;
using Tss.Sefaz.Client.Tests.Infrastructure;

namespace Tss.Sefaz.Client.Tests;

/// <summary>Every answer shape arrives as a typed result over real mutual TLS.</summary>
public sealed class SefazClientAnswerTests(TestPki pki) : IClassFixture<TestPki>
{
    private const string EnviNFe = "<enviNFe xmlns=\"http://www.portalfiscal.inf.br/nfe\" versao=\"4.00\"><idLote>1</idLote><indSinc>0</indSinc></enviNFe>";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Authorization_request_is_the_exact_SOAP_12_envelope_with_the_action_in_the_content_type()
    {
        await using var sefaz = await FakeSefaz.StartAsync(pki, Answers.Soap(Answers.Envelope("NFeAutorizacao4", Answers.Fixture("retEnviNFe-103-async.xml"))));
        using var client = ClientFactory.For(sefaz.BaseUrl, pki);

        await client.AutorizarAsync(ClientFactory.Sp, pki.Client, EnviNFe, Ct);

        var request = Assert.Single(sefaz.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/NFeAutorizacao4", request.Path);
        Assert.Equal(
            "application/soap+xml; charset=utf-8; action=\"http://www.portalfiscal.inf.br/nfe/wsdl/NFeAutorizacao4/nfeAutorizacaoLote\"",
            request.ContentType);
        Assert.Equal(
            "<soap12:Envelope xmlns:soap12=\"http://www.w3.org/2003/05/soap-envelope\"><soap12:Body>" +
            "<nfeDadosMsg xmlns=\"http://www.portalfiscal.inf.br/nfe/wsdl/NFeAutorizacao4\">" + EnviNFe + "</nfeDadosMsg>" +
            "</soap12:Body></soap12:Envelope>",
            request.Body);
    }

    [Fact]
    public async Task Server_sees_the_entity_certificate_as_TLS_client_certificate()
    {
        await using var sefaz = await FakeSefaz.StartAsync(pki, Answers.Soap(Answers.Envelope("NFeAutorizacao4", Answers.Fixture("retEnviNFe-103-async.xml"))));
        using var client = ClientFactory.For(sefaz.BaseUrl, pki);

        await client.AutorizarAsync(ClientFactory.Sp, pki.Client, EnviNFe, Ct);
        await client.AutorizarAsync(ClientFactory.Sp, pki.OtherClient, EnviNFe, Ct);
        await client.AutorizarAsync(ClientFactory.Sp, pki.Client, EnviNFe, Ct);

        Assert.Equal(
            [Thumbprint(pki.Client), Thumbprint(pki.OtherClient), Thumbprint(pki.Client)],
            sefaz.Requests.Select(r => r.ClientThumbprint));
    }

    [Fact]
    public async Task Client_keeps_its_own_copy_of_the_certificate_for_new_handshakes()
    {
        var envelope = Answers.Envelope("NFeAutorizacao4", Answers.Fixture("retEnviNFe-103-async.xml"));
        await using var sefaz = await FakeSefaz.StartAsync(pki, context =>
        {
            // Forces a fresh TLS handshake for every request.
            context.Response.Headers.Connection = "close";
            return Answers.Soap(envelope)(context);
        });
        using var client = ClientFactory.For(sefaz.BaseUrl, pki);
        using (var callerCopy = X509CertificateLoader.LoadPkcs12(pki.Client.Export(X509ContentType.Pkcs12), null))
        {
            await client.AutorizarAsync(ClientFactory.Sp, callerCopy, EnviNFe, Ct);
        }

        var ret = await client.AutorizarAsync(ClientFactory.Sp, pki.Client, EnviNFe, Ct);

        Assert.Equal(103, ret.cStat);
        Assert.All(sefaz.Requests, r => Assert.Equal(Thumbprint(pki.Client), r.ClientThumbprint));
        Assert.Equal(2, sefaz.Requests.Count);
    }

    [Fact]
    public async Task Async_acceptance_returns_the_receipt()
    {
        await using var sefaz = await FakeSefaz.StartAsync(pki, Answers.Soap(Answers.Envelope("NFeAutorizacao4", Answers.Fixture("retEnviNFe-103-async.xml"))));
        using var client = ClientFactory.For(sefaz.BaseUrl, pki);

        var ret = await client.AutorizarAsync(ClientFactory.Sp, pki.Client, EnviNFe, Ct);

        Assert.Equal((103, "351000123456789", 1), (ret.cStat, ret.nRec, ret.tMed));
    }

    [Fact]
    public async Task Sync_authorization_returns_the_protocol_exactly_as_received()
    {
        var answer = Answers.Fixture("retEnviNFe-104-sync-authorized.xml");
        await using var sefaz = await FakeSefaz.StartAsync(pki, Answers.Soap(Answers.Envelope("NFeAutorizacao4", answer)));
        using var client = ClientFactory.For(sefaz.BaseUrl, pki);

        var ret = await client.AutorizarAsync(ClientFactory.Sp, pki.Client, EnviNFe, Ct);

        var prot = Assert.IsType<ProtNFe>(ret.protNFe);
        Assert.Equal((100, "135250001234567"), (prot.cStat, prot.nProt));
        var start = answer.IndexOf("<protNFe", StringComparison.Ordinal);
        var end = answer.IndexOf("</protNFe>", StringComparison.Ordinal) + "</protNFe>".Length;
        Assert.Equal(answer[start..end].Insert("<protNFe".Length, " xmlns=\"http://www.portalfiscal.inf.br/nfe\""), prot.Xml);
    }

    [Fact]
    public async Task Lot_rejection_is_a_typed_result_not_an_exception()
    {
        await using var sefaz = await FakeSefaz.StartAsync(pki, Answers.Soap(Answers.Envelope("NFeAutorizacao4", Answers.Fixture("retEnviNFe-225-lot-rejected.xml"))));
        using var client = ClientFactory.For(sefaz.BaseUrl, pki);

        var ret = await client.AutorizarAsync(ClientFactory.Sp, pki.Client, EnviNFe, Ct);

        Assert.Equal(225, ret.cStat);
        Assert.Null(ret.nRec);
        Assert.Null(ret.protNFe);
    }

    [Theory]
    [InlineData("retConsReciNFe-104-three-documents.xml", 104, 3)]
    [InlineData("retConsReciNFe-105-processing.xml", 105, 0)]
    [InlineData("retConsReciNFe-106-unknown-receipt.xml", 106, 0)]
    public async Task Receipt_query_returns_the_lot_state(string fixture, int cStat, int documents)
    {
        await using var sefaz = await FakeSefaz.StartAsync(pki, Answers.Soap(Answers.Envelope("NFeRetAutorizacao4", Answers.Fixture(fixture))));
        using var client = ClientFactory.For(sefaz.BaseUrl, pki);

        var ret = await client.ConsultarReciboAsync(ClientFactory.Sp, pki.Client, "351000123456789", Ct);

        Assert.Equal(cStat, ret.cStat);
        Assert.Equal(documents, ret.protNFe.Count);
        var request = Assert.Single(sefaz.Requests);
        Assert.Equal("/NFeRetAutorizacao4", request.Path);
        Assert.EndsWith("action=\"http://www.portalfiscal.inf.br/nfe/wsdl/NFeRetAutorizacao4/nfeRetAutorizacaoLote\"", request.ContentType, StringComparison.Ordinal);
        Assert.Contains("<nfeDadosMsg xmlns=\"http://www.portalfiscal.inf.br/nfe/wsdl/NFeRetAutorizacao4\"><consReciNFe", request.Body, StringComparison.Ordinal);
        Assert.Contains("<nRec>351000123456789</nRec>", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_query_returns_service_state()
    {
        await using var sefaz = await FakeSefaz.StartAsync(pki, Answers.Soap(Answers.Envelope("NFeStatusServico4", Answers.Fixture("retConsStatServ-108-paralysed.xml"))));
        using var client = ClientFactory.For(sefaz.BaseUrl, pki);

        var ret = await client.StatusServicoAsync(ClientFactory.Sp, pki.Client, Ct);

        Assert.Equal(108, ret.cStat);
        Assert.NotNull(ret.dhRetorno);
        var request = Assert.Single(sefaz.Requests);
        Assert.Equal("/NFeStatusServico4", request.Path);
        Assert.EndsWith("/NFeStatusServico4/nfeStatusServicoNF\"", request.ContentType, StringComparison.Ordinal);
        Assert.Contains("<cUF>35</cUF>", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Protocol_query_of_a_cancelled_document_returns_its_events()
    {
        const string key = "35250312345678000190550010000012341739205184";
        await using var sefaz = await FakeSefaz.StartAsync(pki, Answers.Soap(Answers.Envelope("NFeConsultaProtocolo4", Answers.Fixture("retConsSitNFe-101-cancelled.xml"))));
        using var client = ClientFactory.For(sefaz.BaseUrl, pki);

        var ret = await client.ConsultarProtocoloAsync(ClientFactory.Sp, pki.Client, key, Ct);

        Assert.Equal(101, ret.cStat);
        Assert.Equal(100, ret.protNFe?.cStat);
        Assert.StartsWith("<procEventoNFe xmlns=\"http://www.portalfiscal.inf.br/nfe\" versao=\"1.00\">", Assert.Single(ret.procEventoNFeXml), StringComparison.Ordinal);
        var request = Assert.Single(sefaz.Requests);
        Assert.EndsWith("/NFeConsultaProtocolo4/nfeConsultaNF\"", request.ContentType, StringComparison.Ordinal);
        Assert.Contains($"<chNFe>{key}</chNFe>", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generic_send_returns_the_answer_element_and_the_raw_text()
    {
        var envelope = Answers.Envelope("NFeStatusServico4", Answers.Fixture("retConsStatServ-107-in-operation.xml"));
        await using var sefaz = await FakeSefaz.StartAsync(pki, Answers.Soap(envelope));
        using var client = ClientFactory.For(sefaz.BaseUrl, pki);
        var endpoint = new SefazEndpoint(SefazService.NFeStatusServico4, new Uri(sefaz.BaseUrl, "anything"), "urn:test", "TEST");

        var reply = await client.SendAsync(endpoint, pki.Client, "<consStatServ xmlns=\"http://www.portalfiscal.inf.br/nfe\" versao=\"4.00\"/>", Ct);

        Assert.Equal("retConsStatServ", reply.Answer.LocalName);
        Assert.Equal(envelope, reply.ResponseXml);
        Assert.Equal("/anything", Assert.Single(sefaz.Requests).Path);
    }

    private static string Thumbprint(X509Certificate2 certificate) =>
        certificate.GetCertHashString(HashAlgorithmName.SHA256);
}
