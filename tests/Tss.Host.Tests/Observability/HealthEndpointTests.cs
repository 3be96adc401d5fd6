using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tss.Testing.Azurite;

namespace Tss.Host.Tests.Observability;

/// <summary>Liveness never depends on storage; readiness follows it. A host of its own on an Azurite of its own, stopped mid-test.</summary>
public sealed class HealthEndpointTests(HostFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ready_is_200_with_storage_up_and_503_with_azurite_stopped_while_live_stays_200()
    {
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        var azuriteStopped = false;
        WebApplication? app = null;
        try
        {
            var settings = fixture.Settings(azurite.UniqueName("hc"));
            settings["Storage:ConnectionString"] = azurite.ConnectionString;
            settings["Storage:MaxRetries"] = "1";
            app = TssHostApp.Build([], builder =>
            {
                builder.Logging.ClearProviders();
                builder.WebHost.UseUrls("http://127.0.0.1:0");
                builder.Configuration.AddInMemoryCollection(settings);
            });
            await app.StartAsync(Ct);
            using var http = new HttpClient
            {
                BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()),
                Timeout = TimeSpan.FromSeconds(30),
            };

            var (upStatus, up) = await GetAsync(http, "/health/ready");
            Assert.Equal(HttpStatusCode.OK, upStatus);
            Assert.Equal("Healthy", (string?)up["status"]);
            Assert.Equal("Healthy", (string?)up["checks"]!["storage"]!["status"]);
            Assert.Equal("Healthy", (string?)up["checks"]!["certificates"]!["status"]);
            var (liveStatus, live) = await GetAsync(http, "/health/live");
            Assert.Equal(HttpStatusCode.OK, liveStatus);
            Assert.Empty(live["checks"]!.AsObject());

            await azurite.DisposeAsync();
            azuriteStopped = true;

            var (downStatus, down) = await GetAsync(http, "/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, downStatus);
            Assert.Equal("Unhealthy", (string?)down["status"]);
            Assert.Equal("Unhealthy", (string?)down["checks"]!["storage"]!["status"]);
            Assert.Contains("table", (string?)down["checks"]!["storage"]!["description"], StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(http, "/health/live")).Status);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/health", UriKind.Relative), Ct)).StatusCode);
        }
        finally
        {
            if (app is not null)
            {
                await app.StopAsync(CancellationToken.None);
                await app.DisposeAsync();
            }
            if (!azuriteStopped)
            {
                await azurite.DisposeAsync();
            }
        }
    }

    private static async Task<(HttpStatusCode Status, JsonObject Body)> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsObject());
    }
}
