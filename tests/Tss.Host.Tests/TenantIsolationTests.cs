using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Tss.Tenancy;

namespace Tss.Host.Tests;

/// <summary>A key sees only its own tenant: another tenant's documents are "not found", never data.</summary>
public sealed class TenantIsolationTests(HostFixture host)
{
    private const string Cnpj = "11222333000181";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Uri Url(string path) => new(path, UriKind.Relative);

    private async Task<(TestTenant Owner, string chNFe)> SubmittedAsync()
    {
        var owner = await host.NewTenantAsync(Cnpj);
        using var submit = await owner.Http.PostAsync(Url($"/api/v1/entities/{Cnpj}/nfe"), ApiJson.Documents((host.SampleNfe(Cnpj), "ERP-ISO-1")), Ct);
        Assert.Equal(HttpStatusCode.Accepted, submit.StatusCode);
        return (owner, (await ApiJson.ReadAsync(submit))["documents"]![0]!["chNFe"]!.GetValue<string>());
    }

    private static string[] ReadPaths(string chNFe) =>
    [
        $"/api/v1/entities/{Cnpj}/nfe/{chNFe}",
        $"/api/v1/entities/{Cnpj}/nfe/{chNFe}/xml",
        $"/api/v1/entities/{Cnpj}/nfe/{chNFe}/procnfe",
        $"/api/v1/entities/{Cnpj}/nfe/by-erp-id?erpId=ERP-ISO-1",
    ];

    [Fact]
    public async Task A_tenant_without_the_entity_gets_404_on_every_endpoint()
    {
        var (_, chNFe) = await SubmittedAsync();
        var stranger = await host.NewTenantAsync();

        foreach (var path in ReadPaths(chNFe).Append($"/api/v1/entities/{Cnpj}/nfe"))
        {
            using var response = await stranger.Http.GetAsync(Url(path), Ct);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("entity.not_found", await ApiJson.CodeAsync(response));
        }
        using var post = await stranger.Http.PostAsync(Url($"/api/v1/entities/{Cnpj}/nfe"), ApiJson.Documents((host.SampleNfe(Cnpj), null)), Ct);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(0, await host.StoredRowsAsync(stranger.TenantId));
    }

    [Fact]
    public async Task A_tenant_with_the_same_cnpj_does_not_see_the_other_tenants_documents()
    {
        var (_, chNFe) = await SubmittedAsync();
        var twin = await host.NewTenantAsync(Cnpj);

        foreach (var path in ReadPaths(chNFe))
        {
            using var response = await twin.Http.GetAsync(Url(path), Ct);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("nfe.not_found", await ApiJson.CodeAsync(response));
        }
        var list = await twin.Http.GetFromJsonAsync<JsonObject>(Url($"/api/v1/entities/{Cnpj}/nfe"), Ct);
        Assert.Empty(list!["documents"]!.AsArray());
    }

    [Fact]
    public async Task A_revoked_key_is_refused_at_once()
    {
        var (owner, chNFe) = await SubmittedAsync();
        using var before = await owner.Http.GetAsync(Url($"/api/v1/entities/{Cnpj}/nfe/{chNFe}"), Ct);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        await host.Services.GetRequiredService<TenancyAdmin>().RevokeApiKeyAsync(owner.ApiKey, Ct);

        using var after = await owner.Http.GetAsync(Url($"/api/v1/entities/{Cnpj}/nfe/{chNFe}"), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("auth.invalid_key", await ApiJson.CodeAsync(after));
    }

    [Fact]
    public async Task The_key_is_also_accepted_in_the_x_api_key_header()
    {
        var (owner, chNFe) = await SubmittedAsync();
        using var client = host.Client(null);
        client.DefaultRequestHeaders.Add("X-Api-Key", owner.ApiKey);

        var status = await client.GetFromJsonAsync<JsonObject>(Url($"/api/v1/entities/{Cnpj}/nfe/{chNFe}"), Ct);

        Assert.Equal(chNFe, status!["chNFe"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_routes_and_methods_answer_problem_details_with_a_code()
    {
        var tenant = await host.NewTenantAsync(Cnpj);

        using var route = await tenant.Http.GetAsync(Url("/api/v1/nothing-here"), Ct);
        using var method = await tenant.Http.DeleteAsync(Url($"/api/v1/entities/{Cnpj}/nfe"), Ct);

        Assert.Equal(HttpStatusCode.NotFound, route.StatusCode);
        Assert.Equal("route.not_found", await ApiJson.CodeAsync(route));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, method.StatusCode);
        Assert.Equal("request.method_not_allowed", await ApiJson.CodeAsync(method));
    }
}
