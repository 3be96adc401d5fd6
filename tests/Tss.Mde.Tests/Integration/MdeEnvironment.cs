using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tss.Contracts.Entities;
using Tss.Mde.Hosting;
using Tss.Protocol.Parties;
using Tss.Protocol.Time;
using Tss.Sefaz.Simulator.Distribuicao;
using Tss.Testing.Azurite;
using Tss.Testing.Sefaz;

namespace Tss.Mde.Tests.Integration;

/// <summary>
/// Azurite, the simulator and two MD-e service instances over the same storage, all on one clock scaled 600× (SEFAZ's
/// hour lasts 6 s). Shared by the integration tests; each test uses its own CNPJ.
/// </summary>
public sealed class MdeEnvironment : IAsyncLifetime
{
    public const double Scale = 600;
    private static int _nextCnpj;
    private readonly AzuriteFixture _azurite = new();

    public ScaledTimeProvider Time { get; } = new(DateTimeOffset.UtcNow, Scale);
    public SimulatorHarness Simulator { get; private set; } = null!;
    public IHost First { get; private set; } = null!;
    public IHost Second { get; private set; } = null!;
    internal TestEntities Entities { get; } = new();
    public HttpClient Admin { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await _azurite.InitializeAsync();
        Simulator = await SimulatorHarness.StartAsync(Time, CancellationToken.None);
        Admin = new HttpClient { BaseAddress = Simulator.AdminUri };
        var suffix = _azurite.UniqueName("m");
        First = Build(suffix);
        Second = Build(suffix);
        await First.StartAsync();
        await Second.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in new[] { First, Second })
        {
            await host.StopAsync(CancellationToken.None);
            host.Dispose();
        }
        Admin.Dispose();
        await Simulator.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    /// <summary>A fresh company with its certificate from the simulator's CA.</summary>
    public EntityInfo NewEntity()
    {
        var cnpj = Cnpj.WithCheckDigits($"5{Interlocked.Increment(ref _nextCnpj):0000000}0001");
        return Entities.Add(cnpj, Simulator.Ca.IssueECnpj(cnpj, "DESTINATARIO MDE LTDA"));
    }

    public async Task SeedAsync(string cnpj, object body)
    {
        using var response = await Admin.PostAsJsonAsync($"/admin/distdfe/{cnpj}/documents", body, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async Task SettingsAsync(int pageSize = 50, int latencyMs = 0)
    {
        using var response = await Admin.PostAsJsonAsync("/admin/distdfe/settings", new { pageSize, latencyMs, queryLimit = 20 },
            TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async Task<DistPartyView> PartyAsync(string cnpj) =>
        (await Admin.GetFromJsonAsync<DistPartyView>($"/admin/distdfe/{cnpj}", Json, TestContext.Current.CancellationToken))!;

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private IHost Build(string suffix)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        var settings = MdeTestSettings.Storage(_azurite.ConnectionString, suffix);
        settings["Sefaz:BaseUrlOverride"] = Simulator.SoapUri.ToString().TrimEnd('/');
        settings["Sefaz:TrustAnchorPath"] = Simulator.AnchorPath;
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<TimeProvider>(Time);
        builder.Services.AddSingleton<IEntityDirectory>(Entities);
        builder.Services.AddTssMde(builder.Configuration);
        return builder.Build();
    }
}
