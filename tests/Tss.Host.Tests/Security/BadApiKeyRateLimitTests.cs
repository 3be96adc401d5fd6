using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tss.Host.Auth;

namespace Tss.Host.Tests.Security;

/// <summary>Attack: guessing API keys at full speed (1,000 in 28 s, each unseen key id a storage read).</summary>
public sealed class BadApiKeyRateLimitTests(HostFixture host)
{
    private const string Cnpj = "11222333000181";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private int Budget => host.Services.GetRequiredService<IOptions<ApiKeyThrottleOptions>>().Value.FailuresPerWindow;

    [Fact]
    public async Task Bad_api_keys_from_one_client_are_rate_limited_with_429_a_code_and_retry_after()
    {
        var tenant = await host.NewTenantAsync(Cnpj);
        var attacker = SecurityClients.NewSourceAddress();
        for (var i = 0; i < Budget; i++)
        {
            using var guess = SecurityClients.From(host.BaseAddress, attacker, RandomKey());
            using var refused = await guess.GetAsync(new Uri($"/api/v1/entities/{Cnpj}/nfe", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using var next = SecurityClients.From(host.BaseAddress, attacker, RandomKey());
        using var limited = await next.GetAsync(new Uri($"/api/v1/entities/{Cnpj}/nfe", UriKind.Relative), Ct);
        using var soap = await next.PostAsync(new Uri("/soap/nfe", UriKind.Relative),
            SecurityClients.Soap("GetStatus", SecurityClients.Envelope("GetStatus", $"<cnpj>{Cnpj}</cnpj><chNFe>1</chNFe>")), Ct);
        using var honest = SecurityClients.From(host.BaseAddress, SecurityClients.NewSourceAddress(), tenant.ApiKey);
        using var elsewhere = await honest.GetAsync(new Uri($"/api/v1/entities/{Cnpj}/nfe", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("auth.too_many_failures", await ApiJson.CodeAsync(limited));
        Assert.True(limited.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 }, "Retry-After in seconds");
        Assert.Equal(HttpStatusCode.TooManyRequests, soap.StatusCode);
        Assert.Equal("auth.too_many_failures", await SecurityClients.FaultCodeAsync(soap));
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode); // another client is not affected
    }

    [Fact]
    public async Task Valid_keys_do_not_spend_the_failure_budget()
    {
        var tenant = await host.NewTenantAsync(Cnpj);
        using var client = SecurityClients.From(host.BaseAddress, SecurityClients.NewSourceAddress(), tenant.ApiKey);

        for (var i = 0; i < Budget + 5; i++)
        {
            using var response = await client.GetAsync(new Uri($"/api/v1/entities/{Cnpj}/nfe?pageSize=1", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private static string RandomKey() => Tss.Tenancy.ApiKeys.ApiKeyFormat.New().Key;
}
