using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tss.Host;
using Tss.Protocol.Time;
using Tss.Tenancy;
using Tss.Testing.Azurite;
using Tss.Testing.Hosting;
using Tss.Testing.Sefaz;
using Tss.Testing.Tenancy;

namespace Tss.Mde.Tests.Security;

/// <summary>The real host (API keys, tenant store, certificate store, MD-e) on Azurite against the simulator, clock 600×.</summary>
public sealed class SharingHost : IAsyncDisposable
{
    private readonly AzuriteFixture _azurite = new();
    private readonly List<HttpClient> _clients = [];

    public ScaledTimeProvider Time { get; } = new(DateTimeOffset.UtcNow, 600);
    public SimulatorHarness Simulator { get; private set; } = null!;
    public WebApplication App { get; private set; } = null!;
    public HttpClient Admin { get; private set; } = null!;
    public string EntitiesTable { get; private set; } = "";
    private Uri _address = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<SharingHost> StartAsync()
    {
        var host = new SharingHost();
        await host.InitializeAsync();
        return host;
    }

    private async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        Simulator = await SimulatorHarness.StartAsync(Time, CancellationToken.None);
        var s = _azurite.UniqueName("h");
        EntitiesTable = "entities" + s;
        App = TssHostApp.Build([], builder =>
        {
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = _azurite.ConnectionString,
                ["Sefaz:BaseUrlOverride"] = Simulator.SoapUri.ToString().TrimEnd('/'),
                ["Sefaz:TrustAnchorPath"] = Simulator.AnchorPath,
                ["Tenancy:TenantsTable"] = "tenants" + s,
                ["Tenancy:EntitiesTable"] = EntitiesTable,
                ["Tenancy:ApiKeysTable"] = "keys" + s,
                ["Certificates:MasterKey"] = Convert.ToBase64String(Enumerable.Range(9, 32).Select(i => (byte)i).ToArray()),
                ["Certificates:Container"] = "certs-" + s,
                ["Mde:CursorsTable"] = "cur" + s,
                ["Mde:DocumentsTable"] = "mdoc" + s,
                ["Mde:SharingTable"] = "mshr" + s,
                // The periodic pass must not race the tests' own syncs when an hour ends (a query would meet it: 409).
                ["Mde:SyncInterval"] = "7.00:00:00",
                // Its own task hub (the cursor orchestrations, lots and deliveries of this host only).
                ["Durable:TaskHub"] = TestSettings.DurableHub(s),
                ["Durable:MaxQueuePollingInterval"] = "00:00:00.200",
            }.With(TestSettings.TrustingTestCa(Simulator.AnchorPath)));
            builder.Services.AddSingleton<TimeProvider>(Time);
        });
        await App.StartAsync();
        _address = new Uri(App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Admin = new HttpClient { BaseAddress = Simulator.AdminUri };
    }

    public T Get<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>A new tenant with an entity (test-CA e-CNPJ) for each CNPJ, and its API client.</summary>
    public async Task<(HttpClient Http, string TenantId)> TenantAsync(string name, params string[] cnpjs)
    {
        var key = await TestOnboarding.NewTenantAsync(Get<TenancyAdmin>(), Simulator.Ca, name, cnpjs);
        var client = new HttpClient { BaseAddress = _address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.ApiKey);
        _clients.Add(client);
        return (client, key.TenantId);
    }

    /// <summary>Seeds documents addressed to <paramref name="cnpj"/> at the simulator; returns their keys.</summary>
    public async Task<List<string>> SeedAsync(string cnpj, int count)
    {
        using var seeded = await Admin.PostAsJsonAsync($"/admin/distdfe/{cnpj}/documents", new { count }, Ct);
        seeded.EnsureSuccessStatusCode();
        return [.. (await JsonAsync(seeded))["keys"]!.AsArray().Select(k => k!.GetValue<string>())];
    }

    public async Task<int> SimulatorRequestsAsync(string cnpj) =>
        (await Admin.GetFromJsonAsync<JsonObject>($"/admin/distdfe/{cnpj}", Ct))!["requests"]!.GetValue<int>();

    /// <summary>Waits (scaled time) until the instant in the cursor's <c>syncBlockedUntil</c> has passed.</summary>
    public async Task WaitForTheHourAsync(HttpClient owner, string cnpj)
    {
        var until = DateTimeOffset.Parse((await JsonAsync(await owner.GetAsync($"/api/v1/entities/{cnpj}/mde/cursor", Ct)))["syncBlockedUntil"]!.GetValue<string>(),
            System.Globalization.CultureInfo.InvariantCulture);
        while (Time.GetUtcNow() <= until)
        {
            await Task.Delay(200, Ct);
        }
    }

    public static async Task<JsonNode> JsonAsync(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

    public static async Task<long[]> NsusAsync(HttpClient client, string cnpj) =>
        [.. (await JsonAsync(await client.GetAsync($"/api/v1/entities/{cnpj}/mde/documents?pageSize=100", Ct)))["documents"]!.AsArray()
            .Select(d => d!["nsu"]!.GetValue<long>())];

    public async ValueTask DisposeAsync()
    {
        _clients.ForEach(c => c.Dispose());
        Admin?.Dispose();
        if (App is not null)
        {
            await App.StopAsync(CancellationToken.None);
            await App.DisposeAsync();
        }
        if (Simulator is not null)
        {
            await Simulator.DisposeAsync();
        }
        await _azurite.DisposeAsync();
    }
}
