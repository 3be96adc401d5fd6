using System.Net;
using System.Text;
using System.Xml.Linq;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Tss.Host.Tests;

/// <summary>GET …/nfe/{chNFe}/danfe and SOAP DownloadDanfe: the PDF of an authorized NF-e, cached, tenant-scoped.</summary>
public sealed class DanfeApiTests(HostFixture host)
{
    private const string Cnpj = "11222333000181";
    private const string Ns = "urn:tss-functions:nfe:v1";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Uri Url(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task Danfe_of_an_authorized_nfe_downloads_as_pdf_with_its_key_and_protocol_and_is_cached()
    {
        var tenant = await host.NewTenantAsync(Cnpj);
        var chNFe = await SubmitAsync(tenant);
        var final = await ApiJson.WaitForFinalAsync(tenant.Http, Cnpj, chNFe, TimeSpan.FromSeconds(60));
        Assert.Equal("Authorized", final["status"]!.GetValue<string>());

        using var response = await tenant.Http.GetAsync(Url($"/api/v1/entities/{Cnpj}/nfe/{chNFe}/danfe"), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync(Ct);
        var text = Text(pdf);
        Assert.Contains(string.Join(' ', Enumerable.Range(0, 11).Select(i => chNFe.Substring(i * 4, 4))), text);
        Assert.Contains(final["nProt"]!.GetValue<string>(), text);

        // Cached as a blob keyed by tenant, key and layout version; the second call serves it.
        var container = host.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(host.Pipeline.DanfeContainer);
        var cached = await container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, tenant.TenantId + "/", Ct).ToListAsync(Ct);
        Assert.Contains(cached, b => b.Name.Contains(chNFe, StringComparison.Ordinal));
        using var again = await tenant.Http.GetAsync(Url($"/api/v1/entities/{Cnpj}/nfe/{chNFe}/danfe"), Ct);
        Assert.Equal(pdf, await again.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Danfe_of_a_document_not_yet_authorized_is_refused_with_409_and_a_code()
    {
        var tenant = await host.NewTenantAsync(Cnpj);
        var chNFe = await SubmitAsync(tenant);

        using var response = await tenant.Http.GetAsync(Url($"/api/v1/entities/{Cnpj}/nfe/{chNFe}/danfe"), Ct);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("nfe.not_authorized", await ApiJson.CodeAsync(response));
    }

    [Fact]
    public async Task Danfe_of_another_tenants_nfe_is_not_found()
    {
        var owner = await host.NewTenantAsync(Cnpj);
        var stranger = await host.NewTenantAsync(Cnpj);
        var chNFe = await SubmitAsync(owner);
        await ApiJson.WaitForFinalAsync(owner.Http, Cnpj, chNFe, TimeSpan.FromSeconds(60));

        using var response = await stranger.Http.GetAsync(Url($"/api/v1/entities/{Cnpj}/nfe/{chNFe}/danfe"), Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("nfe.not_found", await ApiJson.CodeAsync(response));
    }

    [Fact]
    public async Task Soap_DownloadDanfe_returns_the_pdf_and_faults_with_the_rest_codes()
    {
        var tenant = await host.NewTenantAsync(Cnpj);
        var chNFe = await SubmitAsync(tenant);
        var early = await CallAsync(tenant.ApiKey, $"<cnpj>{Cnpj}</cnpj><chNFe>{chNFe}</chNFe><paper>0</paper>");
        Assert.Equal("nfe.not_authorized", early.Descendants(XName.Get("Code", Ns)).SingleOrDefault()?.Value);

        await ApiJson.WaitForFinalAsync(tenant.Http, Cnpj, chNFe, TimeSpan.FromSeconds(60));
        var reply = await CallAsync(tenant.ApiKey, $"<cnpj>{Cnpj}</cnpj><chNFe>{chNFe}</chNFe><paper>0</paper>");
        var pdf = Convert.FromBase64String(reply.Descendants(XName.Get("DownloadDanfeResult", Ns)).Single().Value);
        Assert.Contains(chNFe[..4] + " " + chNFe[4..8], Text(pdf));
    }

    private async Task<string> SubmitAsync(TestTenant tenant)
    {
        using var submit = await tenant.Http.PostAsync(Url($"/api/v1/entities/{Cnpj}/nfe"), ApiJson.Documents((host.SampleNfe(Cnpj), null)), Ct);
        Assert.Equal(HttpStatusCode.Accepted, submit.StatusCode);
        return (await ApiJson.ReadAsync(submit))["documents"]![0]!["chNFe"]!.GetValue<string>();
    }

    private static string Text(byte[] pdf)
    {
        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    private async Task<XDocument> CallAsync(string apiKey, string parameters)
    {
        using var client = host.Client(apiKey);
        var envelope = $"<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><DownloadDanfe xmlns=\"{Ns}\">{parameters}</DownloadDanfe></s:Body></s:Envelope>";
        using var content = new StringContent(envelope, Encoding.UTF8, "text/xml");
        content.Headers.Add("SOAPAction", $"\"{Ns}/NfeService/DownloadDanfe\"");
        using var response = await client.PostAsync(Url("/soap/nfe"), content, Ct);
        return XDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
    }
}
