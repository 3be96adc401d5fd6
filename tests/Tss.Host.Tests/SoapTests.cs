using System.Net;
using System.Security;
using System.Text;
using System.Xml.Linq;
using Tss.Protocol.Schemas;

namespace Tss.Host.Tests;

/// <summary>The SOAP endpoint: same operations and codes as REST, same API key.</summary>
public sealed class SoapTests(HostFixture host)
{
    private const string Cnpj = "11222333000181";
    private const string Ns = "urn:tss-functions:nfe:v1";
    private static readonly XNamespace T = Ns;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Soap_submit_is_authorized_and_queried_by_key_and_erp_id()
    {
        var tenant = await host.NewTenantAsync(Cnpj);
        var documents = $"<documents><SoapDocument><Xml>{SecurityElement.Escape(host.SampleNfe(Cnpj))}</Xml><ErpId>SOAP-7</ErpId></SoapDocument></documents>";

        var submit = await CallAsync(tenant.ApiKey, "Submit", $"<cnpj>{Cnpj}</cnpj>{documents}<sync>false</sync>");

        Assert.Equal(HttpStatusCode.OK, submit.Status);
        var result = submit.Body.Descendants(T + "SoapDocumentResult").Single();
        Assert.Equal("Pending", result.Element(T + "Status")!.Value);
        var chNFe = result.Element(T + "chNFe")!.Value;
        Assert.Equal(44, chNFe.Length);

        var deadline = DateTime.UtcNow.AddSeconds(60);
        string status;
        do
        {
            await Task.Delay(250, Ct);
            var reply = await CallAsync(tenant.ApiKey, "GetStatus", $"<cnpj>{Cnpj}</cnpj><chNFe>{chNFe}</chNFe>");
            status = reply.Body.Descendants(T + "Status").Single().Value;
        }
        while (status is "Pending" or "InLot" && DateTime.UtcNow < deadline);
        Assert.Equal("Authorized", status);

        var byErp = await CallAsync(tenant.ApiKey, "GetStatusByErpId", $"<cnpj>{Cnpj}</cnpj><erpId>SOAP-7</erpId>");
        Assert.Equal(chNFe, byErp.Body.Descendants(T + "chNFe").Single().Value);
        Assert.Equal("100", byErp.Body.Descendants(T + "cStat").Single().Value);

        var proc = await CallAsync(tenant.ApiKey, "DownloadXml", $"<cnpj>{Cnpj}</cnpj><chNFe>{chNFe}</chNFe><kind>procNFe</kind>");
        var procXml = proc.Body.Descendants(T + "DownloadXmlResult").Single().Value;
        Assert.True(NfeSchemas.Shared.Validate(procXml, "procNFe_v4.00.xsd").IsValid);
    }

    [Fact]
    public async Task Soap_submit_of_an_nfce_answers_with_the_sefaz_result_as_rest_does()
    {
        var tenant = await host.NewTenantAsync(Cnpj);
        var documents = $"<documents><SoapDocument><Xml>{SecurityElement.Escape(SyncEmissionTests.Nfce(host))}</Xml></SoapDocument></documents>";

        var submit = await CallAsync(tenant.ApiKey, "Submit", $"<cnpj>{Cnpj}</cnpj>{documents}<sync>true</sync>");

        Assert.Equal(HttpStatusCode.OK, submit.Status);
        var result = submit.Body.Descendants(T + "SoapDocumentResult").Single();
        Assert.Equal("Authorized", result.Element(T + "Status")!.Value);
        Assert.Equal("100", result.Element(T + "cStat")!.Value);
        Assert.Matches("^[0-9]{15}$", result.Element(T + "nProt")!.Value);
    }

    [Fact]
    public async Task Soap_faults_carry_the_same_codes_as_rest()
    {
        var tenant = await host.NewTenantAsync(Cnpj);
        var stranger = await host.NewTenantAsync();

        var notFound = await CallAsync(stranger.ApiKey, "GetStatus", $"<cnpj>{Cnpj}</cnpj><chNFe>{new string('1', 44)}</chNFe>");
        Assert.Equal(HttpStatusCode.InternalServerError, notFound.Status); // SOAP 1.1: a fault travels with HTTP 500
        await AssertFaultAsync(notFound, "entity.not_found");
        await AssertFaultAsync(await CallAsync(null, "GetStatus", $"<cnpj>{Cnpj}</cnpj><chNFe>{new string('1', 44)}</chNFe>"), "auth.missing_key");
        await AssertFaultAsync(await CallAsync("tss_0123456789abcdef_" + new string('A', 43), "GetStatus", $"<cnpj>{Cnpj}</cnpj><chNFe>1</chNFe>"), "auth.invalid_key");
        await AssertFaultAsync(await CallAsync(tenant.ApiKey, "GetStatus", $"<cnpj>{Cnpj}</cnpj><chNFe>{new string('1', 44)}</chNFe>"), "nfe.not_found");
        await AssertFaultAsync(await CallAsync(tenant.ApiKey, "GetStatus", $"<cnpj>123</cnpj><chNFe>1</chNFe>"), "entity.invalid_cnpj");
        await AssertFaultAsync(await CallAsync(tenant.ApiKey, "Submit", $"<cnpj>{Cnpj}</cnpj><documents></documents><sync>false</sync>"), "nfe.no_documents");
        Assert.Equal(0, await host.StoredRowsAsync(tenant.TenantId));
    }

    [Fact]
    public async Task Hostile_soap_bodies_are_refused_before_the_endpoint()
    {
        var tenant = await host.NewTenantAsync(Cnpj);
        var dtd = "<?xml version=\"1.0\"?><!DOCTYPE s [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + Envelope("GetStatus", "<cnpj>&x;</cnpj>");

        var xxe = await PostAsync(tenant.ApiKey, "GetStatus", dtd);
        var oversized = await PostAsync(tenant.ApiKey, "Submit", Envelope("Submit", new string(' ', 1_100_000)));
        var malformed = await PostAsync(tenant.ApiKey, "Submit", "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>");

        Assert.Equal(HttpStatusCode.BadRequest, xxe.Status);
        await AssertFaultAsync(xxe, "xml.dtd_prohibited");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.Status);
        await AssertFaultAsync(oversized, "request.too_large");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.Status);
        await AssertFaultAsync(malformed, "xml.malformed");
        Assert.Equal(0, await host.StoredRowsAsync(tenant.TenantId));
    }

    [Fact]
    public async Task The_wsdl_describes_the_operations()
    {
        using var client = host.Client(null);
        var wsdl = await client.GetStringAsync(new Uri("/soap/nfe?wsdl", UriKind.Relative), Ct);
        foreach (var operation in new[] { "Submit", "GetStatus", "GetStatusByErpId", "DownloadXml" })
        {
            Assert.Contains($"name=\"{operation}\"", wsdl, StringComparison.Ordinal);
        }
    }

    private static Task AssertFaultAsync((HttpStatusCode Status, XDocument Body) reply, string code)
    {
        var fault = reply.Body.Descendants(T + "TssFault").SingleOrDefault();
        Assert.True(fault is not null, $"No TssFault in: {reply.Body}");
        Assert.Equal(code, fault.Element(T + "Code")!.Value);
        Assert.False(string.IsNullOrEmpty(fault.Element(T + "Message")!.Value));
        return Task.CompletedTask;
    }

    private static string Envelope(string operation, string parameters) =>
        $"<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><{operation} xmlns=\"{Ns}\">{parameters}</{operation}></s:Body></s:Envelope>";

    private Task<(HttpStatusCode Status, XDocument Body)> CallAsync(string? apiKey, string operation, string parameters) =>
        PostAsync(apiKey, operation, Envelope(operation, parameters));

    private async Task<(HttpStatusCode Status, XDocument Body)> PostAsync(string? apiKey, string operation, string envelope)
    {
        using var client = host.Client(apiKey);
        using var content = new StringContent(envelope, Encoding.UTF8, "text/xml");
        content.Headers.Add("SOAPAction", $"\"{Ns}/NfeService/{operation}\"");
        using var response = await client.PostAsync(new Uri("/soap/nfe", UriKind.Relative), content, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        try
        {
            return (response.StatusCode, XDocument.Parse(text));
        }
        catch (System.Xml.XmlException e)
        {
            throw new InvalidOperationException($"HTTP {(int)response.StatusCode}, not XML: {text}", e);
        }
    }
}
