using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tss.Tenancy;
using Tss.Tenancy.Credits;

namespace Tss.Host.Tests.Credits;

/// <summary>GET /api/v1/credits and /api/v1/credits/ledger: the key's own tenant only, paging, refusals.</summary>
public sealed class CreditsApiTests(HostFixture host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Uri Url(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task Each_key_sees_only_its_own_balance_and_ledger()
    {
        var ledger = host.Services.GetRequiredService<ICreditLedger>();
        var owner = await host.NewTenantAsync();
        var other = await host.NewTenantAsync();
        await ledger.TopUpAsync(owner.TenantId, 100, "pedido-1", "ops", Ct);
        await ledger.TopUpAsync(other.TenantId, 7, "pedido-9", "ops", Ct);
        await ledger.SetLowBalanceNotificationAsync(owner.TenantId, 10, "fiscal@cliente.com.br", Ct);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(DebitOutcome.Debited, await ledger.TryDebitAsync(owner.TenantId, $"chave-{i}", Ct));
        }

        using var balance = await owner.Http.GetAsync(Url("/api/v1/credits"), Ct);
        Assert.Equal(HttpStatusCode.OK, balance.StatusCode);
        var body = await ApiJson.ReadAsync(balance);
        Assert.Equal(owner.TenantId, body["tenantId"]!.GetValue<string>());
        Assert.Equal((100, 3, 97, 10), (body["contracted"]!.GetValue<long>(), body["used"]!.GetValue<long>(), body["balance"]!.GetValue<long>(), body["lowBalanceThreshold"]!.GetValue<long>()));

        using var otherBalance = await other.Http.GetAsync(Url("/api/v1/credits"), Ct);
        var otherBody = await ApiJson.ReadAsync(otherBalance);
        Assert.Equal((other.TenantId, 7L, 0L), (otherBody["tenantId"]!.GetValue<string>(), otherBody["balance"]!.GetValue<long>(), otherBody["used"]!.GetValue<long>()));

        using var page1 = await owner.Http.GetAsync(Url("/api/v1/credits/ledger?pageSize=2"), Ct);
        var first = await ApiJson.ReadAsync(page1);
        Assert.Equal(2, first["entries"]!.AsArray().Count);
        Assert.All(first["entries"]!.AsArray(), e => Assert.Equal("debit", e!["kind"]!.GetValue<string>()));
        var token = first["continuationToken"]!.GetValue<string>();
        using var page2 = await owner.Http.GetAsync(Url($"/api/v1/credits/ledger?pageSize=2&continuationToken={Uri.EscapeDataString(token)}"), Ct);
        var second = (await ApiJson.ReadAsync(page2))["entries"]!.AsArray();
        Assert.Equal(["debit", "topup"], second.Select(e => e!["kind"]!.GetValue<string>()));

        // The other tenant's ledger holds its own top-up only; the owner's token is refused for it.
        using var otherLedger = await other.Http.GetAsync(Url("/api/v1/credits/ledger"), Ct);
        var otherEntries = (await ApiJson.ReadAsync(otherLedger))["entries"]!.AsArray();
        Assert.Equal(["pedido-9"], otherEntries.Select(e => e!["reference"]!.GetValue<string>()));
        using var stolen = await other.Http.GetAsync(Url($"/api/v1/credits/ledger?pageSize=2&continuationToken={Uri.EscapeDataString(token)}"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, stolen.StatusCode);
        Assert.Equal(TenancyErrorCodes.Credits.ContinuationInvalid, await ApiJson.CodeAsync(stolen));
    }

    [Theory]
    [InlineData("/api/v1/credits/ledger?pageSize=0", "list.invalid_filter")]
    [InlineData("/api/v1/credits/ledger?pageSize=5000", "list.invalid_filter")]
    [InlineData("/api/v1/credits/ledger?continuationToken=%25%25%25", TenancyErrorCodes.Credits.ContinuationInvalid)]
    public async Task Bad_ledger_queries_get_400_with_a_code(string path, string code)
    {
        var tenant = await host.NewTenantAsync();
        using var response = await tenant.Http.GetAsync(Url(path), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, await ApiJson.CodeAsync(response));
    }

    [Fact]
    public async Task Without_a_key_the_credits_are_401()
    {
        using var anonymous = host.Client(null);
        foreach (var path in new[] { "/api/v1/credits", "/api/v1/credits/ledger" })
        {
            using var response = await anonymous.GetAsync(Url(path), Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }
}
