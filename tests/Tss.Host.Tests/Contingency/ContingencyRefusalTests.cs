using System.Net;
using System.Security;
using System.Text;
using System.Xml.Linq;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Tss.DevTools.Samples;
using Tss.Protocol.Messages;
using Tss.Protocol.Xml;
using Tss.Tenancy;
using Tss.Testing.Tenancy;

namespace Tss.Host.Tests.Contingency;

/// <summary>
/// An NF-e the ERP built for an SVC (tpEmis 6) is refused with a code and nothing is stored (no document row, no blob)
/// where contingency is not allowed (AP, listed in the host's Contingency:DisallowedUfs) and without dhCont; through
/// REST (422 ProblemDetails) and SOAP (the document's error code).
/// </summary>
public sealed class ContingencyRefusalTests(HostFixture host)
{
    private const string Cnpj = "11222333000181";
    private const string Ns = "urn:tss-functions:nfe:v1";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Uri Url(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task An_svc_nfe_where_contingency_is_not_allowed_is_refused_over_rest_and_nothing_is_stored()
    {
        var (tenantId, http) = await TenantAsync("AP");

        using var submit = await http.PostAsync(Url($"/api/v1/entities/{Cnpj}/nfe"), ApiJson.Documents((Sample("AP"), "ap-svc")), Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, submit.StatusCode);
        Assert.Equal("contingency.not_allowed", await ApiJson.CodeAsync(submit));
        await AssertNothingStoredAsync(tenantId);
    }

    [Fact]
    public async Task An_svc_nfe_without_dhcont_is_refused_over_rest_and_nothing_is_stored()
    {
        var (tenantId, http) = await TenantAsync("SP");

        using var submit = await http.PostAsync(Url($"/api/v1/entities/{Cnpj}/nfe"), ApiJson.Documents((ContingencyXml.Without(Sample("SP"), "dhCont"), "sp-nodhcont")), Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, submit.StatusCode);
        Assert.Equal("contingency.dhcont_missing", await ApiJson.CodeAsync(submit));
        await AssertNothingStoredAsync(tenantId);
    }

    [Fact]
    public async Task The_same_refusals_come_back_through_soap_with_their_codes_and_nothing_is_stored()
    {
        var (apTenant, apHttp) = await TenantAsync("AP");
        var (spTenant, spHttp) = await TenantAsync("SP");

        var notAllowed = await SoapSubmitAsync(apHttp, Sample("AP"));
        var noDhCont = await SoapSubmitAsync(spHttp, ContingencyXml.Without(Sample("SP"), "dhCont"));

        Assert.Equal("contingency.not_allowed", notAllowed);
        Assert.Equal("contingency.dhcont_missing", noDhCont);
        await AssertNothingStoredAsync(apTenant);
        await AssertNothingStoredAsync(spTenant);
    }

    private async Task<(string TenantId, HttpClient Http)> TenantAsync(string uf)
    {
        var tenant = await TestOnboarding.NewTenantAsync(host.Services.GetRequiredService<TenancyAdmin>(), host.Simulator.Ca, "Cliente " + uf, [Cnpj], uf, Ct);
        return (tenant.TenantId, host.Client(tenant.ApiKey));
    }

    private async Task AssertNothingStoredAsync(string tenantId)
    {
        Assert.Equal(0, await host.StoredRowsAsync(tenantId));
        var blobs = host.Services.GetRequiredService<BlobServiceClient>();
        foreach (var container in new[] { host.Pipeline.SignedContainer, host.Pipeline.ProcContainer })
        {
            var client = blobs.GetBlobContainerClient(container);
            if (await client.ExistsAsync(Ct))
            {
                Assert.Empty(await client.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, tenantId + "/", Ct).ToListAsync(Ct));
            }
        }
    }

    /// <summary>The SOAP Submit of one document; answers its error code.</summary>
    private static async Task<string?> SoapSubmitAsync(HttpClient http, string xml)
    {
        var envelope = $"<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><Submit xmlns=\"{Ns}\"><cnpj>{Cnpj}</cnpj>" +
            $"<documents><SoapDocument><Xml>{SecurityElement.Escape(xml)}</Xml></SoapDocument></documents><sync>false</sync></Submit></s:Body></s:Envelope>";
        using var content = new StringContent(envelope, Encoding.UTF8, "text/xml");
        content.Headers.Add("SOAPAction", $"\"{Ns}/NfeService/Submit\"");
        using var response = await http.PostAsync(Url("/soap/nfe"), content, Ct);
        var body = XDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        XNamespace t = Ns;
        return body.Descendants(t + "SoapDocumentResult").Single().Element(t + "ErrorCode")?.Value;
    }

    private string Sample(string uf) =>
        SampleNfe.Create(new SampleNfeOptions { EmitCnpj = Cnpj, Uf = uf, tpEmis = 6, nNF = HostFixture.NextNumber(), Items = 2 }, host.Time);
}
