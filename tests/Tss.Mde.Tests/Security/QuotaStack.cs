using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tss.Contracts.Entities;
using Tss.Mde.Hosting;
using Tss.Mde.Tests.Integration;
using Tss.Protocol.Time;
using Tss.Testing.Azurite;
using Tss.Testing.Sefaz;

namespace Tss.Mde.Tests.Security;

/// <summary>
/// Azurite, the simulator and MD-e instances over one storage account, each with its own SEFAZ settings (one reaches
/// the simulator, another a closed port or a server it does not trust), so a failing transport and a working one share
/// the same cursor. One clock scaled 60× (SEFAZ's hour lasts a minute: twenty queries fit in it comfortably).
/// </summary>
public sealed class QuotaStack : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new();
    private readonly List<IHost> _hosts = [];
    private string _suffix = "";

    public ScaledTimeProvider Time { get; } = new(DateTimeOffset.UtcNow, 60);
    public SimulatorHarness Simulator { get; private set; } = null!;
    internal TestEntities Entities { get; } = new();
    public HttpClient Admin { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await _azurite.InitializeAsync();
        Simulator = await SimulatorHarness.StartAsync(Time, CancellationToken.None);
        Admin = new HttpClient { BaseAddress = Simulator.AdminUri };
        _suffix = _azurite.UniqueName("q");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.StopAsync(CancellationToken.None);
            host.Dispose();
        }
        Admin.Dispose();
        await Simulator.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    /// <summary>An instance that reaches the simulator.</summary>
    public Task<IHost> WorkingAsync() => StartAsync(new() { ["Sefaz:BaseUrlOverride"] = Simulator.SoapUri.ToString().TrimEnd('/'), ["Sefaz:TrustAnchorPath"] = Simulator.AnchorPath });

    /// <summary>An instance whose every request fails before it is written: a closed port, or a TLS handshake it refuses.</summary>
    public Task<IHost> NeverReachingAsync(string failure) => StartAsync(failure switch
    {
        "closed port" => new() { ["Sefaz:BaseUrlOverride"] = $"https://127.0.0.1:{ClosedPort()}", ["Sefaz:TrustAnchorPath"] = Simulator.AnchorPath },
        // No trust anchor: the simulator's server certificate (local test CA) fails our validation during the handshake.
        "TLS handshake refused" => new() { ["Sefaz:BaseUrlOverride"] = Simulator.SoapUri.ToString().TrimEnd('/') },
        _ => throw new ArgumentOutOfRangeException(nameof(failure)),
    });

    /// <summary>An instance that gives up waiting for SEFAZ's answer after <paramref name="readTimeout"/>.</summary>
    public Task<IHost> ImpatientAsync(TimeSpan readTimeout) => StartAsync(new()
    {
        ["Sefaz:BaseUrlOverride"] = Simulator.SoapUri.ToString().TrimEnd('/'),
        ["Sefaz:TrustAnchorPath"] = Simulator.AnchorPath,
        ["Sefaz:ReadTimeout"] = readTimeout.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
    });

    public async Task<int> SimulatorRequestsAsync(string cnpj) =>
        (await Admin.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/admin/distdfe/{cnpj}", TestContext.Current.CancellationToken))!["requests"]!.GetValue<int>();

    public async Task FaultAsync(object fault)
    {
        using var response = await Admin.PostAsJsonAsync("/admin/faults", fault, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private async Task<IHost> StartAsync(Dictionary<string, string?> sefaz)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        var settings = MdeTestSettings.Storage(_azurite.ConnectionString, _suffix);
        foreach (var (key, value) in sefaz)
        {
            settings[key] = value;
        }
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<TimeProvider>(Time);
        builder.Services.AddSingleton<IEntityDirectory>(Entities);
        builder.Services.AddTssMde(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        _hosts.Add(host);
        return host;
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
