using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Tss.Pipeline.Contingency;

namespace Tss.Host.Tests.Contingency;

/// <summary>GET /api/v1/contingency[/{uf}] and PUT /api/v1/entities/{cnpj}/contingency on the real host.</summary>
public sealed class ContingencyApiTests(HostFixture host)
{
    // A UF no other test of this host sends to, so their faults do not feed this authorizer's policy.
    private static readonly AuthorizerKey To = new("TO", 55, 2);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Uri Url(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task The_decision_log_of_an_outage_is_readable_with_its_reason_and_signals()
    {
        var contingency = host.Services.GetRequiredService<ContingencyService>();
        var tenant = await host.NewTenantAsync();
        var now = host.Time.GetUtcNow();
        for (var i = 0; i < 5; i++)
        {
            await contingency.ReportAsync(To, new ContingencySignal(ContingencySignalKind.TransportFailure, now.AddSeconds(i), "sefaz.ConnectFailed"),
                tenant.TenantId, "11222333000181", Ct);
        }

        using var response = await tenant.Http.GetAsync(Url("/api/v1/contingency/to?model=55&tpAmb=2"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ApiJson.ReadAsync(response);
        Assert.Equal("Contingency", body["state"]!["mode"]!.GetValue<string>());
        Assert.Equal("SVC-AN", body["state"]!["via"]!.GetValue<string>());
        var decision = body["decisions"]!.AsArray()[0]!;
        Assert.Equal("transport_failures", decision["trigger"]!.GetValue<string>());
        Assert.StartsWith("TO em contingência SVC-AN desde ", decision["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(5, decision["signals"]!.AsArray().Count);
        using var list = await tenant.Http.GetAsync(Url("/api/v1/contingency"), Ct);
        var views = await list.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonArray>(Ct);
        Assert.Contains(views!, v => v!["uf"]!.GetValue<string>() == "TO");
    }

    [Fact]
    public async Task A_tenant_forbids_contingency_for_its_own_entity_only()
    {
        var contingency = host.Services.GetRequiredService<ContingencyService>();
        var tenant = await host.NewTenantAsync("11222333000181");
        await contingency.ImposeAsync(new AuthorizerKey("RR", 55, 2), OperatorOverride.Force, "test", Ct);

        using var put = await tenant.Http.PutAsJsonAsync(Url("/api/v1/entities/11222333000181/contingency"), new { @override = "Forbid" }, Ct);

        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        Assert.Equal(ContingencyMode.Normal, await contingency.ModeForAsync(new AuthorizerKey("RR", 55, 2), tenant.TenantId, "11222333000181", Ct));
        Assert.Equal(ContingencyMode.Contingency, await contingency.ModeForAsync(new AuthorizerKey("RR", 55, 2), "another-tenant", "11222333000181", Ct));
    }

    [Theory]
    [InlineData("/api/v1/contingency/XX")]
    [InlineData("/api/v1/contingency/SP?model=57")]
    [InlineData("/api/v1/contingency/SP?tpAmb=3")]
    public async Task An_unknown_authorizer_is_refused_with_a_code(string path)
    {
        var tenant = await host.NewTenantAsync();

        using var response = await tenant.Http.GetAsync(Url(path), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("contingency.invalid_authorizer", await ApiJson.CodeAsync(response));
    }
}
