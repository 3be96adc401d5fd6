using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Tss.Host.Tests;

/// <summary>
/// Every entity-scoped operation the API publishes (read from its own OpenAPI document, so a new endpoint is covered
/// without editing this test), called with another tenant's key: 404 with a code, no data, nothing stored.
/// </summary>
public sealed class EveryEndpointIsolationTests(HostFixture host)
{
    private const string Cnpj = "11222333000181";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Bodies that would be valid for the owner, so a refusal can only come from the tenant scope.</summary>
    private static string BodyFor(string path) => path switch
    {
        _ when path.EndsWith("/cancel", StringComparison.Ordinal) => """{"xJust":"Cancelamento por erro de digitação no pedido"}""",
        _ when path.EndsWith("/cce", StringComparison.Ordinal) => """{"xCorrecao":"Correção do endereço de entrega do destinatário"}""",
        _ when path.EndsWith("/inutilizacoes", StringComparison.Ordinal) => """{"serie":1,"nNFIni":900,"nNFFin":901,"ano":26,"xJust":"Numeração pulada por falha no sistema"}""",
        _ when path.EndsWith("/mde/query", StringComparison.Ordinal) => """{"nsu":1}""",
        _ when path.EndsWith("/mde/manifestacoes", StringComparison.Ordinal) => """{"chNFe":"35261111222333000181550010000009011000009014","tpEvento":"210210"}""",
        _ when path.EndsWith("/mde/sharing", StringComparison.Ordinal) => """{"tenantId":"some-tenant","decision":"grant"}""",
        _ => "{}",
    };

    private static async Task<List<(HttpMethod Method, string Template)>> OperationsAsync(HttpClient http)
    {
        var doc = await http.GetFromJsonAsync<JsonObject>(new Uri("/openapi/v1.json", UriKind.Relative), Ct);
        var operations = new List<(HttpMethod, string)>();
        foreach (var (template, item) in doc!["paths"]!.AsObject())
        {
            if (!template.Contains("{cnpj}", StringComparison.Ordinal))
            {
                continue;
            }
            foreach (var (method, _) in item!.AsObject())
            {
                if (method is "get" or "post" or "put" or "delete" or "patch")
                {
                    operations.Add((new HttpMethod(method.ToUpperInvariant()), template));
                }
            }
        }
        return operations;
    }

    private static string Fill(string template, string chNFe) => template
        .Replace("{cnpj}", Cnpj, StringComparison.Ordinal)
        .Replace("{chNFe}", chNFe, StringComparison.Ordinal)
        .Replace("{tpEvento}", "110110", StringComparison.Ordinal)
        .Replace("{nSeqEvento}", "1", StringComparison.Ordinal)
        .Replace("{nsu}", "1", StringComparison.Ordinal)
        .Replace("{id}", "ID351111222333000181550010000009000000000901", StringComparison.Ordinal);

    private static HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (method == HttpMethod.Post)
        {
            request.Content = new StringContent(BodyFor(path), Encoding.UTF8, "application/json");
        }
        return request;
    }

    [Fact]
    public async Task Every_entity_scoped_operation_answers_404_to_a_tenant_without_the_entity_and_stores_nothing()
    {
        var owner = await host.NewTenantAsync(Cnpj);
        using var submit = await owner.Http.PostAsync(new Uri($"/api/v1/entities/{Cnpj}/nfe", UriKind.Relative), ApiJson.Documents((host.SampleNfe(Cnpj), "ERP-EVERY-1")), Ct);
        Assert.Equal(HttpStatusCode.Accepted, submit.StatusCode);
        var chNFe = (await ApiJson.ReadAsync(submit))["documents"]![0]!["chNFe"]!.GetValue<string>();
        var stranger = await host.NewTenantAsync();
        var operations = await OperationsAsync(owner.Http);
        // Submission, queries, events, inutilização, consultations and MD-e: the test is not vacuous.
        Assert.True(operations.Count >= 24, $"only {operations.Count} entity-scoped operations in the OpenAPI document");

        var failures = new List<string>();
        foreach (var (method, template) in operations)
        {
            var path = Fill(template, chNFe);
            using var request = Request(method, path);
            using var response = await stranger.Http.SendAsync(request, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            if (response.StatusCode != HttpStatusCode.NotFound || !body.Contains("\"entity.not_found\"", StringComparison.Ordinal))
            {
                failures.Add($"{method} {template} → {(int)response.StatusCode} {body[..Math.Min(body.Length, 200)]}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(0, await host.StoredRowsAsync(stranger.TenantId));
    }

    [Fact]
    public async Task A_tenant_with_the_same_cnpj_gets_404_for_every_operation_on_the_other_tenants_documents()
    {
        var owner = await host.NewTenantAsync(Cnpj);
        using var submit = await owner.Http.PostAsync(new Uri($"/api/v1/entities/{Cnpj}/nfe", UriKind.Relative), ApiJson.Documents((host.SampleNfe(Cnpj), "ERP-EVERY-2")), Ct);
        var chNFe = (await ApiJson.ReadAsync(submit))["documents"]![0]!["chNFe"]!.GetValue<string>();
        var twin = await host.NewTenantAsync(Cnpj);
        // Operations on one of the owner's NF-e (by key); the twin's own entity-level operations are its own business.
        // Left out: "/sefaz" asks SEFAZ with the twin's own certificate of that CNPJ (the same company, by ICP-Brasil)
        // and reads nothing of ours.
        var operations = (await OperationsAsync(owner.Http))
            .Where(o => o.Template.Contains("/nfe/{chNFe}", StringComparison.Ordinal) && !o.Template.EndsWith("/sefaz", StringComparison.Ordinal)).ToList();
        Assert.True(operations.Count >= 7, $"only {operations.Count} per-document operations");

        var failures = new List<string>();
        foreach (var (method, template) in operations)
        {
            using var request = Request(method, Fill(template, chNFe));
            using var response = await twin.Http.SendAsync(request, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            if (response.StatusCode != HttpStatusCode.NotFound || body.Contains("nProt\":\"", StringComparison.Ordinal) || body.Contains("<NFe", StringComparison.Ordinal))
            {
                failures.Add($"{method} {template} → {(int)response.StatusCode} {body[..Math.Min(body.Length, 200)]}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(0, await host.StoredRowsAsync(twin.TenantId));
    }
}
