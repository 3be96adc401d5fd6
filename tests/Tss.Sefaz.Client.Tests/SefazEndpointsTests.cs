using Microsoft.Extensions.Options;

namespace Tss.Sefaz.Client.Tests;

public class SefazEndpointsTests
{
    private static readonly string[] AllUfs =
    [
        "AC", "AL", "AM", "AP", "BA", "CE", "DF", "ES", "GO", "MA", "MG", "MS", "MT", "PA",
        "PB", "PE", "PI", "PR", "RJ", "RN", "RO", "RR", "RS", "SC", "SE", "SP", "TO",
    ];

    private static readonly SefazService[] CoreServices =
    [
        SefazService.NFeAutorizacao4, SefazService.NFeRetAutorizacao4, SefazService.NFeStatusServico4, SefazService.NFeConsultaProtocolo4,
    ];

    private readonly SefazEndpoints _table = new(Options.Create(new SefazClientOptions()));

    [Theory]
    [InlineData("SP", 55, 1, SefazService.NFeAutorizacao4, "SP", "https://nfe.fazenda.sp.gov.br/ws/nfeautorizacao4.asmx")]
    [InlineData("SP", 55, 2, SefazService.NFeAutorizacao4, "SP", "https://homologacao.nfe.fazenda.sp.gov.br/ws/nfeautorizacao4.asmx")]
    [InlineData("SP", 65, 1, SefazService.NFeAutorizacao4, "SP", "https://nfce.fazenda.sp.gov.br/ws/NFeAutorizacao4.asmx")]
    [InlineData("RJ", 55, 1, SefazService.NFeAutorizacao4, "SVRS", "https://nfe.svrs.rs.gov.br/ws/NfeAutorizacao/NFeAutorizacao4.asmx")]
    [InlineData("RJ", 55, 2, SefazService.NFeStatusServico4, "SVRS", "https://nfe-homologacao.svrs.rs.gov.br/ws/NfeStatusServico/NfeStatusServico4.asmx")]
    [InlineData("RJ", 65, 1, SefazService.NFeAutorizacao4, "SVRS", "https://nfce.svrs.rs.gov.br/ws/NfeAutorizacao/NFeAutorizacao4.asmx")]
    [InlineData("MA", 55, 1, SefazService.NFeAutorizacao4, "SVAN", "https://www.sefazvirtual.fazenda.gov.br/NFeAutorizacao4/NFeAutorizacao4.asmx")]
    [InlineData("MA", 55, 2, SefazService.NFeRetAutorizacao4, "SVAN", "https://hom.sefazvirtual.fazenda.gov.br/NFeRetAutorizacao4/NFeRetAutorizacao4.asmx")]
    [InlineData("MA", 65, 1, SefazService.NFeAutorizacao4, "SVRS", "https://nfce.svrs.rs.gov.br/ws/NfeAutorizacao/NFeAutorizacao4.asmx")]
    [InlineData("BA", 55, 1, SefazService.NFeConsultaProtocolo4, "BA", "https://nfe.sefaz.ba.gov.br/webservices/NFeConsultaProtocolo4/NFeConsultaProtocolo4.asmx")]
    [InlineData("BA", 65, 2, SefazService.NFeAutorizacao4, "SVRS", "https://nfce-homologacao.svrs.rs.gov.br/ws/NfeAutorizacao/NFeAutorizacao4.asmx")]
    [InlineData("PE", 65, 1, SefazService.NFeStatusServico4, "SVRS", "https://nfce.svrs.rs.gov.br/ws/NfeStatusServico/NfeStatusServico4.asmx")]
    [InlineData("MG", 55, 1, SefazService.NFeAutorizacao4, "MG", "https://nfe.fazenda.mg.gov.br/nfe2/services/NFeAutorizacao4")]
    [InlineData("AM", 55, 1, SefazService.NFeConsultaProtocolo4, "AM", "https://nfe.sefaz.am.gov.br/services2/services/NfeConsulta4")]
    [InlineData("RS", 65, 2, SefazService.NFeRecepcaoEvento4, "RS", "https://nfce-homologacao.sefazrs.rs.gov.br/ws/recepcaoevento/recepcaoevento4.asmx")]
    [InlineData("PR", 55, 1, SefazService.CadConsultaCadastro4, "PR", "https://nfe.sefa.pr.gov.br/nfe/CadConsultaCadastro4")]
    [InlineData("GO", 55, 1, SefazService.NFeDistribuicaoDFe, "AN", "https://www1.nfe.fazenda.gov.br/NFeDistribuicaoDFe/NFeDistribuicaoDFe.asmx")]
    [InlineData("RJ", 55, 2, SefazService.NFeDistribuicaoDFe, "AN", "https://hom1.nfe.fazenda.gov.br/NFeDistribuicaoDFe/NFeDistribuicaoDFe.asmx")]
    public void Service_resolves_to_the_authorizer_of_the_UF_and_model(string uf, int model, int tpAmb, SefazService service, string authorizer, string url)
    {
        var endpoint = _table.Resolve(new SefazTarget(uf, model, tpAmb), service);

        Assert.Equal(authorizer, endpoint.Authorizer);
        Assert.Equal(new Uri(url), endpoint.Url);
        Assert.Equal(service, endpoint.Service);
    }

    [Theory]
    [InlineData(SefazService.NFeAutorizacao4, "nfeAutorizacaoLote")]
    [InlineData(SefazService.NFeRetAutorizacao4, "nfeRetAutorizacaoLote")]
    [InlineData(SefazService.NFeStatusServico4, "nfeStatusServicoNF")]
    [InlineData(SefazService.NFeConsultaProtocolo4, "nfeConsultaNF")]
    [InlineData(SefazService.NFeInutilizacao4, "nfeInutilizacaoNF")]
    [InlineData(SefazService.NFeRecepcaoEvento4, "nfeRecepcaoEvento")]
    [InlineData(SefazService.CadConsultaCadastro4, "consultaCadastro")]
    [InlineData(SefazService.NFeDistribuicaoDFe, "nfeDistDFeInteresse")]
    public void SOAP_action_is_the_WSDL_namespace_and_method(SefazService service, string method)
    {
        var target = new SefazTarget("SP", 55, 1);

        var endpoint = _table.Resolve(target, service);

        Assert.Equal($"http://www.portalfiscal.inf.br/nfe/wsdl/{service}/{method}", endpoint.SoapAction);
    }

    [Fact]
    public void Authorizer_specific_method_names_come_from_the_table()
    {
        var pr = _table.Resolve(new SefazTarget("PR", 55, 1), SefazService.NFeRetAutorizacao4);
        var ms = _table.Resolve(new SefazTarget("MS", 55, 1), SefazService.CadConsultaCadastro4);

        Assert.Equal("http://www.portalfiscal.inf.br/nfe/wsdl/NFeRetAutorizacao4/nfeRetAutorizacao", pr.SoapAction);
        Assert.Equal("http://www.portalfiscal.inf.br/nfe/wsdl/CadConsultaCadastro4/consultaCadastro4", ms.SoapAction);
    }

    [Fact]
    public void Every_UF_resolves_the_core_services_for_both_models_in_both_environments()
    {
        var resolved = 0;
        foreach (var uf in AllUfs)
        {
            foreach (var model in new[] { 55, 65 })
            {
                foreach (var tpAmb in new[] { 1, 2 })
                {
                    foreach (var service in CoreServices.Append(SefazService.NFeInutilizacao4).Append(SefazService.NFeRecepcaoEvento4))
                    {
                        var endpoint = _table.Resolve(new SefazTarget(uf, model, tpAmb), service);
                        Assert.Equal(Uri.UriSchemeHttps, endpoint.Url.Scheme);
                        Assert.StartsWith("http://www.portalfiscal.inf.br/nfe/wsdl/" + service + "/", endpoint.SoapAction, StringComparison.Ordinal);
                        resolved++;
                    }
                }
            }
        }
        Assert.Equal(27 * 2 * 2 * 6, resolved);
    }

    [Fact]
    public void Homologation_and_production_never_share_a_URL_for_authorization()
    {
        foreach (var uf in AllUfs)
        {
            foreach (var model in new[] { 55, 65 })
            {
                var production = _table.Resolve(new SefazTarget(uf, model, 1), SefazService.NFeAutorizacao4).Url;
                var homologation = _table.Resolve(new SefazTarget(uf, model, 2), SefazService.NFeAutorizacao4).Url;
                Assert.NotEqual(production, homologation);
            }
        }
    }

    [Theory]
    [InlineData("SP", "SVC-AN", "https://www.sefazvirtual.fazenda.gov.br/NFeAutorizacao4/NFeAutorizacao4.asmx")]
    [InlineData("MG", "SVC-AN", "https://www.sefazvirtual.fazenda.gov.br/NFeAutorizacao4/NFeAutorizacao4.asmx")]
    [InlineData("AM", "SVC-RS", "https://nfe.svrs.rs.gov.br/ws/NfeAutorizacao/NFeAutorizacao4.asmx")]
    [InlineData("MA", "SVC-RS", "https://nfe.svrs.rs.gov.br/ws/NfeAutorizacao/NFeAutorizacao4.asmx")]
    public void Contingency_resolves_to_the_UF_s_SVC(string uf, string authorizer, string url)
    {
        var endpoint = _table.ResolveContingency(new SefazTarget(uf, 55, 1), SefazService.NFeAutorizacao4);

        Assert.Equal((authorizer, new Uri(url)), (endpoint.Authorizer, endpoint.Url));
    }

    [Fact]
    public void A_target_in_contingency_resolves_the_UF_s_services_at_its_SVC_and_national_ones_stay_national()
    {
        var target = new SefazTarget("SP", 55, 1) { Contingency = "SVC-AN" };

        Assert.Equal("SVC-AN", _table.Resolve(target, SefazService.NFeAutorizacao4).Authorizer);
        Assert.Equal("SVC-AN", _table.Resolve(target, SefazService.NFeConsultaProtocolo4).Authorizer);
        Assert.Equal("SVC-AN", _table.ResolveEvent(target, "110111").Authorizer);
        Assert.Equal("AN", _table.ResolveEvent(target, "210200").Authorizer);
        Assert.Equal("SP", _table.Resolve(target with { Contingency = null }, SefazService.NFeAutorizacao4).Authorizer);
    }

    [Fact]
    public void National_environment_events_resolve_by_authorizer_name()
    {
        var endpoint = _table.ResolveAt("AN", 55, 1, SefazService.NFeRecepcaoEvento4);

        Assert.Equal(new Uri("https://www.nfe.fazenda.gov.br/NFeRecepcaoEvento4/NFeRecepcaoEvento4.asmx"), endpoint.Url);
    }

    public static TheoryData<string, int, int, SefazService> Missing => new()
    {
        { "MA", 55, 1, SefazService.CadConsultaCadastro4 },
        { "AM", 55, 2, SefazService.CadConsultaCadastro4 },
        { "SP", 65, 1, SefazService.CadConsultaCadastro4 },
        { "SP", 65, 1, SefazService.NFeDistribuicaoDFe },
        { "XX", 55, 1, SefazService.NFeAutorizacao4 },
        { "SP", 57, 1, SefazService.NFeAutorizacao4 },
        { "SP", 55, 3, SefazService.NFeAutorizacao4 },
    };

    [Theory]
    [MemberData(nameof(Missing))]
    public void Service_an_authorizer_lacks_is_NoEndpoint(string uf, int model, int tpAmb, SefazService service)
    {
        var error = Assert.Throws<SefazException>(() => _table.Resolve(new SefazTarget(uf, model, tpAmb), service));

        Assert.Equal(SefazErrorCode.NoEndpoint, error.Code);
        Assert.False(error.OutcomeUnknown);
        Assert.True(error.NotSent);
    }

    [Fact]
    public void Contingency_has_no_inutilizacao_at_SVC_AN_and_no_NFCe_at_all()
    {
        Assert.Equal(SefazErrorCode.NoEndpoint, Assert.Throws<SefazException>(
            () => _table.ResolveContingency(new SefazTarget("SP", 55, 1), SefazService.NFeInutilizacao4)).Code);
        Assert.Equal(SefazErrorCode.NoEndpoint, Assert.Throws<SefazException>(
            () => _table.ResolveContingency(new SefazTarget("SP", 65, 1), SefazService.NFeAutorizacao4)).Code);
    }

    [Theory]
    [InlineData("https://127.0.0.1:5443", "https://127.0.0.1:5443/")]
    [InlineData("https://simulator.local/sefaz/", "https://simulator.local/sefaz/")]
    public void Override_sends_every_service_to_base_slash_service_name(string baseUrl, string prefix)
    {
        var table = new SefazEndpoints(Options.Create(new SefazClientOptions { BaseUrlOverride = new Uri(baseUrl) }));

        foreach (var service in Enum.GetValues<SefazService>())
        {
            foreach (var uf in new[] { "SP", "MA", "RJ" })
            {
                var endpoint = table.Resolve(new SefazTarget(uf, 55, 2), service);
                Assert.Equal(new Uri(prefix + service), endpoint.Url);
                Assert.StartsWith($"http://www.portalfiscal.inf.br/nfe/wsdl/{service}/", endpoint.SoapAction, StringComparison.Ordinal);
            }
        }
        // Services the real authorizer lacks still go to the override (the simulator serves them all).
        Assert.Equal(new Uri(prefix + "CadConsultaCadastro4"), table.Resolve(new SefazTarget("MA", 55, 1), SefazService.CadConsultaCadastro4).Url);
    }

    [Theory]
    [InlineData("SP", "SVC-AN")]
    [InlineData("PR", "SVC-RS")]
    public void Override_sends_an_svc_to_its_own_path_under_the_base(string uf, string svc)
    {
        var table = new SefazEndpoints(Options.Create(new SefazClientOptions { BaseUrlOverride = new Uri("https://simulator.local:8443/") }));

        var endpoint = table.ResolveContingency(new SefazTarget(uf, 55, 2), SefazService.NFeAutorizacao4);

        Assert.Equal(new Uri($"https://simulator.local:8443/{svc}/NFeAutorizacao4"), endpoint.Url);
        Assert.Equal(svc, endpoint.Authorizer);
    }
}
