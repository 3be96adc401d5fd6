using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Tss.Protocol.Schemas;

namespace Tss.Host.Tests;

public sealed class SubmissionTests(HostFixture host)
{
    private const string Cnpj = "11222333000181";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Uri Url(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task A_submitted_nfe_is_authorized_and_its_procNFe_downloads_schema_valid()
    {
        var tenant = await host.NewTenantAsync(Cnpj);

        using var submit = await tenant.Http.PostAsync(Url($"/api/v1/entities/{Cnpj}/nfe"), ApiJson.Documents((host.SampleNfe(Cnpj), "PEDIDO-42")), Ct);
        var answer = await ApiJson.ReadAsync(submit);
        Assert.Equal(HttpStatusCode.Accepted, submit.StatusCode);
        Assert.Equal(1, answer["accepted"]!.GetValue<int>());
        var document = answer["documents"]![0]!;
        Assert.Equal("Pending", document["status"]!.GetValue<string>());
        Assert.Equal("PEDIDO-42", document["erpId"]!.GetValue<string>());
        var chNFe = document["chNFe"]!.GetValue<string>();

        var final = await ApiJson.WaitForFinalAsync(tenant.Http, Cnpj, chNFe, TimeSpan.FromSeconds(60));
        Assert.Equal("Authorized", final["status"]!.GetValue<string>());
        Assert.Equal(100, final["cStat"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(final["nProt"]!.GetValue<string>()));

        using var proc = await tenant.Http.GetAsync(Url($"/api/v1/entities/{Cnpj}/nfe/{chNFe}/procnfe"), Ct);
        Assert.Equal(HttpStatusCode.OK, proc.StatusCode);
        Assert.Equal("application/xml", proc.Content.Headers.ContentType!.MediaType);
        var procXml = await proc.Content.ReadAsStringAsync(Ct);
        var validation = NfeSchemas.Shared.Validate(procXml, "procNFe_v4.00.xsd");
        Assert.True(validation.IsValid, string.Join("; ", validation.Errors.Select(e => e.Message)));
        Assert.Contains(chNFe, procXml, StringComparison.Ordinal);

        using var signed = await tenant.Http.GetAsync(Url($"/api/v1/entities/{Cnpj}/nfe/{chNFe}/xml"), Ct);
        var signedXml = await signed.Content.ReadAsStringAsync(Ct);
        Assert.StartsWith("<NFe", signedXml, StringComparison.Ordinal);
        Assert.Contains("<Signature", signedXml, StringComparison.Ordinal);

        var byErpId = await tenant.Http.GetFromJsonAsync<JsonObject>(Url($"/api/v1/entities/{Cnpj}/nfe/by-erp-id?erpId=PEDIDO-42"), Ct);
        Assert.Equal(chNFe, byErpId!["chNFe"]!.GetValue<string>());

        var list = await tenant.Http.GetFromJsonAsync<JsonObject>(Url($"/api/v1/entities/{Cnpj}/nfe?status=authorized"), Ct);
        Assert.Equal(chNFe, Assert.Single(list!["documents"]!.AsArray())!["chNFe"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_enviNFe_body_submits_each_of_its_documents()
    {
        var tenant = await host.NewTenantAsync(Cnpj);
        var nfes = Enumerable.Range(0, 3).Select(_ => host.SampleNfe(Cnpj)).ToList();
        var envi = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><enviNFe xmlns=\"http://www.portalfiscal.inf.br/nfe\" versao=\"4.00\"><idLote>1</idLote><indSinc>0</indSinc>{string.Concat(nfes.Select(StripDeclaration))}</enviNFe>";

        using var submit = await tenant.Http.PostAsync(Url($"/api/v1/entities/{Cnpj}/nfe"), new StringContent(envi, Encoding.UTF8, "application/xml"), Ct);
        var answer = await ApiJson.ReadAsync(submit);

        Assert.Equal(HttpStatusCode.Accepted, submit.StatusCode);
        Assert.Equal(3, answer["accepted"]!.GetValue<int>());
        Assert.All(answer["documents"]!.AsArray(), d => Assert.Equal(44, d!["chNFe"]!.GetValue<string>().Length));
    }

    [Fact]
    public async Task A_single_nfe_posted_as_xml_is_accepted()
    {
        var tenant = await host.NewTenantAsync(Cnpj);

        using var submit = await tenant.Http.PostAsync(Url($"/api/v1/entities/{Cnpj}/nfe"), new StringContent(host.SampleNfe(Cnpj), Encoding.UTF8, "text/xml"), Ct);

        Assert.Equal(HttpStatusCode.Accepted, submit.StatusCode);
        Assert.Equal(1, (await ApiJson.ReadAsync(submit))["accepted"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_same_idempotency_key_and_body_replays_the_stored_answer()
    {
        var tenant = await host.NewTenantAsync(Cnpj);
        var body = ApiJson.Documents((host.SampleNfe(Cnpj), "A-1"), (host.SampleNfe(Cnpj), "A-2"));
        var bytes = await body.ReadAsByteArrayAsync(Ct);

        using var first = await PostWithKeyAsync(tenant, "chave-123", bytes);
        using var second = await PostWithKeyAsync(tenant, "chave-123", bytes);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(await first.Content.ReadAsStringAsync(Ct), await second.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task The_same_idempotency_key_with_another_body_is_refused()
    {
        var tenant = await host.NewTenantAsync(Cnpj);
        using var first = await PostWithKeyAsync(tenant, "pedido-9", await ApiJson.Documents((host.SampleNfe(Cnpj), null)).ReadAsByteArrayAsync(Ct));
        var rowsAfterFirst = await host.StoredRowsAsync(tenant.TenantId);

        using var second = await PostWithKeyAsync(tenant, "pedido-9", await ApiJson.Documents((host.SampleNfe(Cnpj), null)).ReadAsByteArrayAsync(Ct));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Equal("idempotency.key_reused", await ApiJson.CodeAsync(second));
        Assert.Equal(rowsAfterFirst, await host.StoredRowsAsync(tenant.TenantId));
    }

    [Fact]
    public async Task The_procNFe_of_a_document_not_yet_authorized_is_not_found_with_a_code()
    {
        var tenant = await host.NewTenantAsync(Cnpj);
        using var submit = await tenant.Http.PostAsync(Url($"/api/v1/entities/{Cnpj}/nfe"), ApiJson.Documents((host.SampleNfe(Cnpj), null)), Ct);
        var chNFe = (await ApiJson.ReadAsync(submit))["documents"]![0]!["chNFe"]!.GetValue<string>();

        using var proc = await tenant.Http.GetAsync(Url($"/api/v1/entities/{Cnpj}/nfe/{chNFe}/procnfe"), Ct);

        Assert.Equal(HttpStatusCode.NotFound, proc.StatusCode);
        Assert.Equal("nfe.proc_not_available", await ApiJson.CodeAsync(proc));
    }

    [Fact]
    public async Task Listing_pages_with_a_continuation_token()
    {
        var tenant = await host.NewTenantAsync(Cnpj);
        using var submit = await tenant.Http.PostAsync(Url($"/api/v1/entities/{Cnpj}/nfe"),
            ApiJson.Documents([.. Enumerable.Range(0, 5).Select(_ => (host.SampleNfe(Cnpj), (string?)null))]), Ct);
        Assert.Equal(HttpStatusCode.Accepted, submit.StatusCode);

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var url = $"/api/v1/entities/{Cnpj}/nfe?pageSize=2" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token));
            var page = await tenant.Http.GetFromJsonAsync<JsonObject>(Url(url), Ct);
            seen.AddRange(page!["documents"]!.AsArray().Select(d => d!["chNFe"]!.GetValue<string>()));
            token = page["continuationToken"]?.GetValue<string>();
            pages++;
        }
        while (token is not null && pages < 10);

        Assert.Equal(5, seen.Distinct().Count());
        Assert.True(pages >= 3);
        using var bad = await tenant.Http.GetAsync(Url($"/api/v1/entities/{Cnpj}/nfe?continuationToken=bm90LWEtdG9rZW4"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("list.invalid_continuation", await ApiJson.CodeAsync(bad));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_submit_endpoint()
    {
        using var anonymous = host.Client(null);
        var doc = await anonymous.GetStringAsync(Url("/openapi/v1.json"), Ct);
        Assert.Contains("/api/v1/entities/{cnpj}/nfe", doc, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostWithKeyAsync(TestTenant tenant, string key, byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Url($"/api/v1/entities/{Cnpj}/nfe")) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("Idempotency-Key", key);
        return await tenant.Http.SendAsync(request, Ct);
    }

    private static string StripDeclaration(string xml) => xml.StartsWith("<?xml", StringComparison.Ordinal) ? xml[(xml.IndexOf("?>", StringComparison.Ordinal) + 2)..].TrimStart() : xml;
}
