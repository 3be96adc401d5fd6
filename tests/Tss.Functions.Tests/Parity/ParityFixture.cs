using System.Diagnostics;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tss.Functions.Hosting;
using Tss.Functions.Queues;
using Tss.Host;
using Tss.Tenancy;
using Tss.Testing.Azurite;
using Tss.Testing.Hosting;
using Tss.Testing.Sefaz;
using Tss.Testing.Tenancy;

namespace Tss.Functions.Tests.Parity;

/// <summary>
/// Both sides on one Azurite and one simulator, with the same configuration: the local host on a real Kestrel port,
/// and the Functions app's container (<see cref="FunctionsServiceCollectionExtensions.AddTssFunctions"/>, started
/// as a plain host: its bootstrap and option checks run) whose HTTP functions are invoked in-process with the local
/// engine's <see cref="DurableTaskClient"/> bound. The queues keep the triggers' names (this Azurite is this
/// assembly's own), so the local host's listeners also serve what the Functions side enqueues.
/// </summary>
public sealed class ParityFixture : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new();
    private SimulatorHarness _sim = null!;
    private WebApplication _local = null!;
    private IHost _functions = null!;

    public HttpClient LocalClient { get; private set; } = null!;
    internal HttpFunctionInvoker Functions { get; private set; } = null!;
    public OnboardedTenant Tenant { get; private set; } = null!;
    public string Cnpj { get; } = "11222333000181";
    public string OtherCnpj { get; } = "99888777000166";

    public async ValueTask InitializeAsync()
    {
        await _azurite.InitializeAsync();
        _sim = await SimulatorHarness.StartAsync(TimeProvider.System, CancellationToken.None);
        var settings = Settings(_azurite.UniqueName("p"));

        _local = TssHostApp.Build([], builder =>
        {
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(settings);
        });
        await _local.StartAsync();
        var address = new Uri(_local.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        LocalClient = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };

        var functions = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production" });
        functions.Logging.ClearProviders();
        functions.Configuration.AddInMemoryCollection(settings);
        functions.Services.AddTssFunctions(functions.Configuration);
        // What the worker's ASP.NET Core web host registers and the error-handling middleware needs.
        functions.Services.TryAddSingleton(new DiagnosticListener("Microsoft.AspNetCore"));
        functions.Services.TryAddSingleton<DiagnosticSource>(sp => sp.GetRequiredService<DiagnosticListener>());
        _functions = functions.Build();
        await _functions.StartAsync();
        Functions = new HttpFunctionInvoker(_functions.Services, _local.Services.GetRequiredService<DurableTaskClient>());

        Tenant = await TestOnboarding.NewTenantAsync(_local.Services.GetRequiredService<TenancyAdmin>(), _sim.Ca, "Cliente Paridade", [Cnpj]);
    }

    private Dictionary<string, string?> Settings(string suffix) => TestSettings.WithSimulator(_azurite.ConnectionString, suffix, _sim).With(new Dictionary<string, string?>
    {
        ["Pipeline:AssembleQueue"] = QueueTriggerNames.Assemble,
        ["Pipeline:DistributeQueue"] = QueueTriggerNames.Distribute,
        ["Pipeline:GatheringWindow"] = "00:00:00.200",
        ["Pipeline:MaxRequestBytes"] = "65536",
        ["Soap:MaxRequestBytes"] = "65536",
        ["Certificates:MasterKey"] = Convert.ToBase64String(Enumerable.Range(3, 32).Select(i => (byte)i).ToArray()),
    });

    /// <summary>Sends <paramref name="request"/> to the local host over HTTP.</summary>
    public async Task<ParityAnswer> SendLocalAsync(ParityRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.PathAndQuery);
        if (request.ApiKey is not null)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", request.ApiKey);
        }
        if (request.IdempotencyKey is not null)
        {
            message.Headers.Add("Idempotency-Key", request.IdempotencyKey);
        }
        if (request.SoapAction is not null)
        {
            message.Headers.Add("SOAPAction", request.SoapAction);
        }
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
        }
        using var response = await LocalClient.SendAsync(message);
        var body = await response.Content.ReadAsByteArrayAsync();
        return ParityAnswer.From((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), body, response.Headers.Contains("Idempotent-Replayed"));
    }

    public async ValueTask DisposeAsync()
    {
        LocalClient?.Dispose();
        if (_functions is not null)
        {
            await _functions.StopAsync();
            _functions.Dispose();
        }
        if (_local is not null)
        {
            await _local.StopAsync();
            await _local.DisposeAsync();
        }
        if (_sim is not null)
        {
            await _sim.DisposeAsync();
        }
        await _azurite.DisposeAsync();
    }
}
