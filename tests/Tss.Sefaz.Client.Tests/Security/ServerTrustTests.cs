using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Tss.Sefaz.Client.Tests.Infrastructure;
using Tss.Trust;

namespace Tss.Sefaz.Client.Tests.Security;

/// <summary>
/// Issue 12, item 1: the authorizers' server certificates are checked against the service's trust anchors (the
/// ICP-Brasil roots shipped with it, plus configured ones), the host name still checked; and the real endpoint table
/// can be reached from a settings file that names the simulator by overriding the URL with an empty value.
/// </summary>
public sealed class ServerTrustTests(TestPki pki) : IClassFixture<TestPki>
{
    private const string EnviNFe = "<enviNFe xmlns=\"http://www.portalfiscal.inf.br/nfe\" versao=\"4.00\"><idLote>1</idLote><indSinc>0</indSinc></enviNFe>";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SefazClient Client(Uri url, TrustAnchorOptions anchors, bool systemRoots = true)
    {
        var options = Options.Create(new SefazClientOptions { BaseUrlOverride = url, TrustSystemRoots = systemRoots, ConnectTimeout = TimeSpan.FromSeconds(5) });
        return new SefazClient(new SefazEndpoints(options), options, anchors: new TrustAnchors(Options.Create(anchors)));
    }

    [Fact]
    public async Task Server_under_a_configured_trust_anchor_is_accepted_without_a_sefaz_specific_anchor()
    {
        await using var sefaz = await FakeSefaz.StartAsync(pki, Answers.Soap(Answers.Envelope("NFeAutorizacao4", Answers.Fixture("retEnviNFe-103-async.xml"))));
        using var client = Client(sefaz.BaseUrl, new TrustAnchorOptions { IcpBrasil = true, Paths = [pki.CaPemPath] }, systemRoots: false);

        var answer = await client.AutorizarAsync(ClientFactory.Sp, pki.Client, EnviNFe, Ct);

        Assert.Equal(103, answer.cStat);
    }

    [Fact]
    public async Task Server_certificate_from_a_ca_outside_the_icp_brasil_anchors_is_refused()
    {
        await using var sefaz = await FakeSefaz.StartAsync(pki, Answers.Soap(Answers.Envelope("NFeAutorizacao4", Answers.Fixture("retEnviNFe-103-async.xml"))));
        using var client = Client(sefaz.BaseUrl, new TrustAnchorOptions { IcpBrasil = true });

        var error = await Assert.ThrowsAsync<SefazException>(() => client.AutorizarAsync(ClientFactory.Sp, pki.Client, EnviNFe, Ct));

        Assert.Equal(SefazErrorCode.TlsFailure, error.Code);
        Assert.Empty(sefaz.Requests);
    }

    [Fact]
    public async Task Server_certificate_for_another_host_is_refused_even_under_a_trust_anchor()
    {
        await using var sefaz = await FakeSefaz.StartAsync(
            pki, Answers.Soap(Answers.Envelope("NFeAutorizacao4", Answers.Fixture("retEnviNFe-103-async.xml"))), pki.WrongHostServer);
        using var client = Client(sefaz.BaseUrl, new TrustAnchorOptions { IcpBrasil = false, Paths = [pki.CaPemPath] });

        var error = await Assert.ThrowsAsync<SefazException>(() => client.AutorizarAsync(ClientFactory.Sp, pki.Client, EnviNFe, Ct));

        Assert.Equal(SefazErrorCode.TlsFailure, error.Code);
    }

    [Fact]
    public void An_empty_base_url_override_means_the_real_endpoint_table()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sefaz:BaseUrlOverride"] = "https://127.0.0.1:8443",
        }).AddInMemoryCollection(new Dictionary<string, string?> { ["Sefaz:BaseUrlOverride"] = "" }).Build();
        var options = new SefazClientOptions();
        ConfigurationBinder.Bind(configuration.GetSection(SefazClientOptions.Section), options);

        var endpoint = new SefazEndpoints(Options.Create(options)).Resolve(ClientFactory.Sp, SefazService.NFeAutorizacao4);

        Assert.Equal("https", endpoint.Url.Scheme);
        Assert.DoesNotContain("127.0.0.1", endpoint.Url.Host, StringComparison.Ordinal);
        Assert.Contains("fazenda.sp.gov.br", endpoint.Url.Host, StringComparison.Ordinal);
    }
}
