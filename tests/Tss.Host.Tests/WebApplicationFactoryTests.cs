using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Tss.Tenancy;

namespace Tss.Host.Tests;

/// <summary>The host also runs under WebApplicationFactory (any public type of Tss.Host names the assembly; Program is ambiguous beside the simulator), configured with UseSetting (read before services are added).</summary>
public sealed class WebApplicationFactoryTests(HostFixture host)
{
    [Fact]
    public async Task The_host_runs_in_a_web_application_factory_with_settings_from_the_test()
    {
        var settings = host.Settings(host.NewSuffix());
        await using var factory = new WebApplicationFactory<Tss.Host.Hosting.EntityScope>().WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }
        });
        using var anonymous = factory.CreateClient();
        using var health = await anonymous.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);

        var admin = factory.Services.GetRequiredService<TenancyAdmin>();
        var tenant = await admin.CreateTenantAsync("Fábrica", ct: TestContext.Current.CancellationToken);
        var key = await admin.CreateApiKeyAsync(tenant.TenantId, ct: TestContext.Current.CancellationToken);
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key.Key);
        using var unknown = await client.GetAsync(new Uri("/api/v1/entities/11222333000181/nfe", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("entity.not_found", await ApiJson.CodeAsync(unknown));
    }
}
