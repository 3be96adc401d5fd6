using System.Net;
using System.Net.Sockets;
using System.Text;
using Tss.Sefaz.Client.Tests.Infrastructure;

namespace Tss.Sefaz.Client.Tests;

/// <summary>Every way a SEFAZ call can fail without a SEFAZ answer becomes one <see cref="SefazException"/> code.</summary>
public sealed class SefazClientFailureTests(TestPki pki) : IClassFixture<TestPki>
{
    private const string EnviNFe = "<enviNFe xmlns=\"http://www.portalfiscal.inf.br/nfe\" versao=\"4.00\"><idLote>1</idLote><indSinc>0</indSinc></enviNFe>";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SOAP_fault_carries_its_reason()
    {
        await using var sefaz = await FakeSefaz.StartAsync(pki, Answers.Soap(Answers.Fault("Servidor indisponivel para recepcao de lotes"), 500));

        var error = await AuthorizeExpectingFailure(sefaz);

        Assert.Equal(SefazErrorCode.SoapFault, error.Code);
        Assert.Contains("Servidor indisponivel para recepcao de lotes", error.Message, StringComparison.Ordinal);
        Assert.Equal(500, error.HttpStatus);
    }

    [Fact]
    public async Task Server_error_without_fault_leaves_the_outcome_unknown()
    {
        await using var sefaz = await FakeSefaz.StartAsync(pki, Answers.Text("<html><body><h1>500 Internal Server Error</h1></body></html>", "text/html", 500));

        var error = await AuthorizeExpectingFailure(sefaz);

        Assert.Equal((SefazErrorCode.HttpStatus, 500, true), (error.Code, error.HttpStatus, error.OutcomeUnknown));
        Assert.False(error.NotSent);
    }

    [Fact]
    public async Task Client_error_status_is_not_an_unknown_outcome()
    {
        await using var sefaz = await FakeSefaz.StartAsync(pki, Answers.Text("Not Found", "text/plain", 404));

        var error = await AuthorizeExpectingFailure(sefaz);

        Assert.Equal((SefazErrorCode.HttpStatus, 404, false), (error.Code, error.HttpStatus, error.OutcomeUnknown));
        // Known outcome, yet it reached a server: "not sent" is not the same as "not unknown".
        Assert.False(error.NotSent);
    }

    [Fact]
    public async Task HTML_page_with_status_200_is_malformed_and_leaves_an_authorization_unknown()
    {
        await using var sefaz = await FakeSefaz.StartAsync(pki, Answers.Text("<!DOCTYPE html><html><body>Manutencao</body></html>", "text/html"));

        var error = await AuthorizeExpectingFailure(sefaz);

        Assert.Equal((SefazErrorCode.MalformedResponse, true), (error.Code, error.OutcomeUnknown));
    }

    [Fact]
    public async Task Malformed_answer_to_a_query_is_not_an_unknown_outcome()
    {
        await using var sefaz = await FakeSefaz.StartAsync(pki, Answers.Text("<html><body>Manutencao</body></html>", "text/html"));
        using var client = ClientFactory.For(sefaz.BaseUrl, pki);

        var error = await Assert.ThrowsAsync<SefazException>(() => client.StatusServicoAsync(ClientFactory.Sp, pki.Client, Ct));

        Assert.Equal((SefazErrorCode.MalformedResponse, false), (error.Code, error.OutcomeUnknown));
    }

    [Theory]
    [InlineData("<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Body><nfeResultMsg xmlns=\"http://www.portalfiscal.inf.br/nfe/wsdl/NFeAutorizacao4\"/></soap:Body></soap:Envelope>")]
    [InlineData("<retEnviNFe xmlns=\"http://www.portalfiscal.inf.br/nfe\" versao=\"4.00\"><cStat>103</cStat></retEnviNFe>")]
    [InlineData("<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Body><nfeResultMsg xmlns=\"http://www.portalfiscal.inf.br/nfe/wsdl/NFeAutorizacao4\"><retEnviNFe xmlns=\"http://www.portalfiscal.inf.br/nfe\" versao=\"4.00\"><tpAmb>2</tpAmb><verAplic>SP</verAplic><cStat>103</cStat><xMotivo>Lote recebido com sucesso</xMotivo><cUF>35</cUF><dhRecbto>2025-03-10T14:32:07-03:00</dhRecbto><infRec><nRec>3510001234</nRec><tMed>1</tMed></infRec></retEnviNFe></nfeResultMsg></soap:Body></soap:Envelope>")]
    public async Task Envelope_without_a_valid_answer_is_malformed(string body)
    {
        await using var sefaz = await FakeSefaz.StartAsync(pki, Answers.Soap(body));

        var error = await AuthorizeExpectingFailure(sefaz);

        Assert.Equal((SefazErrorCode.MalformedResponse, true), (error.Code, error.OutcomeUnknown));
    }

    [Fact]
    public async Task Answer_of_another_service_is_malformed()
    {
        await using var sefaz = await FakeSefaz.StartAsync(pki, Answers.Soap(Answers.Envelope("NFeAutorizacao4", Answers.Fixture("retConsStatServ-107-in-operation.xml"))));

        var error = await AuthorizeExpectingFailure(sefaz);

        Assert.Equal(SefazErrorCode.MalformedResponse, error.Code);
    }

    [Fact]
    public async Task Truncated_XML_is_malformed()
    {
        var envelope = Answers.Envelope("NFeAutorizacao4", Answers.Fixture("retEnviNFe-103-async.xml"));
        await using var sefaz = await FakeSefaz.StartAsync(pki, Answers.Soap(envelope[..(envelope.Length / 2)]));

        var error = await AuthorizeExpectingFailure(sefaz);

        Assert.Equal((SefazErrorCode.MalformedResponse, true), (error.Code, error.OutcomeUnknown));
    }

    [Fact]
    public async Task Connection_dropped_in_the_middle_of_the_body_leaves_the_outcome_unknown()
    {
        await using var sefaz = await FakeSefaz.StartAsync(pki, async context =>
        {
            var bytes = Encoding.UTF8.GetBytes(Answers.Envelope("NFeAutorizacao4", Answers.Fixture("retEnviNFe-103-async.xml")));
            context.Response.ContentType = "application/soap+xml; charset=utf-8";
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            context.Abort();
        });

        var error = await AuthorizeExpectingFailure(sefaz);

        Assert.Equal((SefazErrorCode.MalformedResponse, true), (error.Code, error.OutcomeUnknown));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Body_above_the_cap_is_refused_without_reading_it_all(bool declareLength)
    {
        var big = Answers.Envelope("NFeAutorizacao4", "<retEnviNFe xmlns=\"http://www.portalfiscal.inf.br/nfe\" versao=\"4.00\"><xMotivo>" + new string('x', 300_000) + "</xMotivo></retEnviNFe>");
        await using var sefaz = await FakeSefaz.StartAsync(pki, async context =>
        {
            var bytes = Encoding.UTF8.GetBytes(big);
            if (declareLength)
            {
                context.Response.ContentLength = bytes.Length;
            }
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        });

        var error = await AuthorizeExpectingFailure(sefaz, o => o.MaxResponseBytes = 64 * 1024);

        Assert.Equal((SefazErrorCode.ResponseTooLarge, true), (error.Code, error.OutcomeUnknown));
    }

    [Fact]
    public async Task Answer_slower_than_the_read_timeout_leaves_the_outcome_unknown()
    {
        await using var sefaz = await FakeSefaz.StartAsync(pki, async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        });

        var error = await AuthorizeExpectingFailure(sefaz, o => o.ReadTimeout = TimeSpan.FromSeconds(1));

        Assert.Equal((SefazErrorCode.Timeout, true, false), (error.Code, error.OutcomeUnknown, error.NotSent));
        Assert.Single(sefaz.Requests);
    }

    [Fact]
    public async Task Refused_connection_is_a_connect_failure_with_a_known_outcome()
    {
        var closedPort = new Uri($"https://127.0.0.1:{FreePort()}");
        using var client = ClientFactory.For(closedPort, pki);

        var error = await Assert.ThrowsAsync<SefazException>(() => client.AutorizarAsync(ClientFactory.Sp, pki.Client, EnviNFe, Ct));

        Assert.Equal((SefazErrorCode.ConnectFailed, false, true), (error.Code, error.OutcomeUnknown, error.NotSent));
    }

    [Fact]
    public async Task Server_that_never_completes_the_handshake_hits_the_connect_timeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var accepted = new List<Socket>();
        _ = Task.Run(async () =>
        {
            while (true)
            {
                accepted.Add(await silent.AcceptSocketAsync(Ct));
            }
        }, Ct);
        using var client = ClientFactory.For(new Uri($"https://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}"), pki, o =>
        {
            o.ConnectTimeout = TimeSpan.FromSeconds(1);
            o.ReadTimeout = TimeSpan.FromSeconds(20);
        });

        var error = await Assert.ThrowsAsync<SefazException>(() => client.AutorizarAsync(ClientFactory.Sp, pki.Client, EnviNFe, Ct));

        Assert.Equal((SefazErrorCode.ConnectFailed, false, true), (error.Code, error.OutcomeUnknown, error.NotSent));
        Assert.Contains("connect timeout", error.Message, StringComparison.Ordinal);
        accepted.ForEach(s => s.Dispose());
    }

    [Fact]
    public async Task Server_certificate_from_an_unknown_CA_is_refused_without_a_trust_anchor()
    {
        await using var sefaz = await FakeSefaz.StartAsync(pki, Answers.Soap(Answers.Envelope("NFeAutorizacao4", Answers.Fixture("retEnviNFe-103-async.xml"))));

        var error = await AuthorizeExpectingFailure(sefaz, o => o.TrustAnchorPath = null);

        Assert.Equal((SefazErrorCode.TlsFailure, false, true), (error.Code, error.OutcomeUnknown, error.NotSent));
        Assert.Empty(sefaz.Requests);
    }

    [Fact]
    public async Task Server_certificate_is_refused_when_the_anchor_is_another_CA()
    {
        await using var sefaz = await FakeSefaz.StartAsync(pki, Answers.Soap(Answers.Envelope("NFeAutorizacao4", Answers.Fixture("retEnviNFe-103-async.xml"))));

        var error = await AuthorizeExpectingFailure(sefaz, o => o.TrustAnchorPath = pki.OtherCaDerPath);

        Assert.Equal(SefazErrorCode.TlsFailure, error.Code);
    }

    [Fact]
    public async Task Server_certificate_for_another_host_is_refused_even_under_the_anchor()
    {
        await using var sefaz = await FakeSefaz.StartAsync(
            pki, Answers.Soap(Answers.Envelope("NFeAutorizacao4", Answers.Fixture("retEnviNFe-103-async.xml"))), pki.WrongHostServer);

        var error = await AuthorizeExpectingFailure(sefaz);

        Assert.Equal(SefazErrorCode.TlsFailure, error.Code);
    }

    [Fact]
    public async Task Client_certificate_refused_after_the_handshake_looks_like_a_dropped_connection()
    {
        // Kestrel (like TLS 1.3 servers generally) judges the client certificate after the client considers the
        // handshake done; the refusal then reaches the client only as a closed connection, indistinguishable from a
        // crash after receipt, so the outcome is reported unknown. Real SEFAZ answers cStat 280-286 instead.
        await using var sefaz = await FakeSefaz.StartAsync(
            pki, Answers.Soap(Answers.Envelope("NFeAutorizacao4", Answers.Fixture("retEnviNFe-103-async.xml"))));
        using var client = ClientFactory.For(sefaz.BaseUrl, pki);

        var error = await Assert.ThrowsAsync<SefazException>(() => client.AutorizarAsync(ClientFactory.Sp, pki.ForeignClient, EnviNFe, Ct));

        // Not "not sent" either: the request was written, and nothing on the wire tells a refusal from a crash.
        Assert.Equal((SefazErrorCode.MalformedResponse, true, false), (error.Code, error.OutcomeUnknown, error.NotSent));
        Assert.Empty(sefaz.Requests);
    }

    [Fact]
    public async Task Caller_cancellation_is_not_turned_into_a_SEFAZ_error()
    {
        await using var sefaz = await FakeSefaz.StartAsync(pki, async context => await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted));
        using var client = ClientFactory.For(sefaz.BaseUrl, pki);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.AutorizarAsync(ClientFactory.Sp, pki.Client, EnviNFe, cancel.Token));
    }

    private async Task<SefazException> AuthorizeExpectingFailure(FakeSefaz sefaz, Action<SefazClientOptions>? configure = null)
    {
        using var client = ClientFactory.For(sefaz.BaseUrl, pki, configure);
        return await Assert.ThrowsAsync<SefazException>(() => client.AutorizarAsync(ClientFactory.Sp, pki.Client, EnviNFe, Ct));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
