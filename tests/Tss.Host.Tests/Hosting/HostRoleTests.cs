using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Tss.Host.Tests.Hosting;

/// <summary>
/// <c>Host:Role</c>: the portal as its own web app on the same storage (Azure's portal container app) runs no worker
/// and serves no API; an unknown role stops the host at start.
/// </summary>
public sealed class HostRoleTests(HostFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private WebApplication Build(string? role)
    {
        var settings = fixture.Settings(fixture.NewSuffix());
        settings["Host:Role"] = role;
        settings["Portal:RequireHttps"] = "false"; // plain HTTP on loopback here
        return TssHostApp.Build([], builder =>
        {
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(settings);
        });
    }

    [Fact]
    public async Task A_portal_host_serves_the_portal_and_starts_no_worker_and_no_api()
    {
        await using var app = Build("Portal");
        await app.StartAsync(Ct);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };

            var hosted = app.Services.GetServices<IHostedService>().Select(s => s.GetType().Name).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(["GenericWebHostService", "PortalBootstrap", "StorageBootstrap"], hosted);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/portal/login", UriKind.Relative), Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/health/ready", UriKind.Relative), Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri("/api/v1/documents", UriKind.Relative), Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri("/api/v1/contingency", UriKind.Relative), Ct)).StatusCode);
            using var soap = new StringContent("<x/>", System.Text.Encoding.UTF8, "text/xml");
            Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync(new Uri("/soap/nfe", UriKind.Relative), soap, Ct)).StatusCode);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task The_default_host_runs_the_workers_and_an_api_host_maps_no_portal()
    {
        await using var all = Build(null);
        await using var api = Build("api");

        var workers = all.Services.GetServices<IHostedService>().Select(s => s.GetType().Name).ToList();
        Assert.Contains(workers, n => n.StartsWith("QueueListener", StringComparison.Ordinal));
        Assert.Contains("DurableSidecar", workers);
        Assert.Contains(api.Services.GetServices<IHostedService>(), s => s.GetType().Name == "DurableSidecar");
        var apiRoutes = ((IEndpointRouteBuilder)api).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/')).ToList();
        Assert.DoesNotContain(apiRoutes, r => r.StartsWith("/portal", StringComparison.Ordinal));
        Assert.Contains(apiRoutes, r => r.StartsWith("/api/v1", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_role_stops_the_host_with_a_message_naming_the_setting()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Build("Worker"));

        Assert.Contains("Host:Role", e.Message, StringComparison.Ordinal);
        Assert.Contains("Portal", e.Message, StringComparison.Ordinal);
    }
}
