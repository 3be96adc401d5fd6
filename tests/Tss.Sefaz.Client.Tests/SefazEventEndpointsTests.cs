using Microsoft.Extensions.Options;

namespace Tss.Sefaz.Client.Tests;

public class SefazEventEndpointsTests
{
    private readonly SefazEndpoints _table = new(Options.Create(new SefazClientOptions()));

    [Theory]
    [InlineData("110111", "SP", "https://nfe.fazenda.sp.gov.br/ws/nferecepcaoevento4.asmx")]
    [InlineData("110110", "SP", "https://nfe.fazenda.sp.gov.br/ws/nferecepcaoevento4.asmx")]
    [InlineData("210200", "AN", "https://www.nfe.fazenda.gov.br/NFeRecepcaoEvento4/NFeRecepcaoEvento4.asmx")]
    [InlineData("210240", "AN", "https://www.nfe.fazenda.gov.br/NFeRecepcaoEvento4/NFeRecepcaoEvento4.asmx")]
    public void Event_types_go_to_the_authorizer_the_table_names(string tpEvento, string authorizer, string url)
    {
        var endpoint = _table.ResolveEvent(new SefazTarget("SP", 55, 1), tpEvento);

        Assert.Equal((SefazService.NFeRecepcaoEvento4, authorizer, new Uri(url)), (endpoint.Service, endpoint.Authorizer, endpoint.Url));
    }

    [Fact]
    public void Cancellation_of_an_SVRS_state_goes_to_SVRS()
    {
        var endpoint = _table.ResolveEvent(new SefazTarget("RJ", 55, 2), "110111");

        Assert.Equal("SVRS", endpoint.Authorizer);
    }
}
