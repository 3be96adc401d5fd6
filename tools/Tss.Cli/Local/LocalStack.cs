using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tss.DevTools.Pki;
using Tss.Pipeline.Credits;
using Tss.Sefaz.Simulator;
using Tss.Tenancy;
using Tss.Tenancy.Credits;
using Tss.Tenancy.Entities;

namespace Tss.Cli.Local;

/// <summary>
/// What every local run of the whole product needs besides Azurite (the benchmarks and <c>tss chaos</c>): a test CA
/// whose certificate is the trust anchor of the SEFAZ simulator's TLS and of the entities' uploads, the simulator in
/// this process (tMed 0, no minimum poll interval), the tenant store the host reads, and the host's settings for all of
/// it (environment-variable form). Azurite stays the caller's, since a chaos run restarts it.
/// </summary>
internal sealed class LocalStack : IAsyncDisposable
{
    /// <summary>The certificates master key of local runs (a fixed test value).</summary>
    public const string MasterKey = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private readonly TestCertificateAuthority _ca;
    private readonly ServiceProvider _tenancy;
    private readonly string _masterKeyId;

    private LocalStack(TestCertificateAuthority ca, string anchor, WebApplication simulator, ServiceProvider tenancy, string connectionString, string masterKeyId)
    {
        _ca = ca;
        AnchorPath = anchor;
        Simulator = simulator;
        _tenancy = tenancy;
        ConnectionString = connectionString;
        _masterKeyId = masterKeyId;
    }

    /// <summary>PEM file of the test CA (trust anchor of the simulator's server certificate and of uploads).</summary>
    public string AnchorPath { get; }

    public WebApplication Simulator { get; }

    /// <summary>The simulator's SOAP endpoint.</summary>
    public Uri SoapUri => SimulatorApp.SoapUri(Simulator);

    public string ConnectionString { get; }

    public TenancyAdmin Admin => _tenancy.GetRequiredService<TenancyAdmin>();

    public ICreditLedger Credits => _tenancy.GetRequiredService<ICreditLedger>();

    /// <param name="connectionString">Azurite's.</param>
    /// <param name="simulatorTime">The simulator's clock (share it with the host through <c>Clock__Origin</c> when scaled).</param>
    /// <param name="name">Names the CA, the anchor file and the master key id ("bench", "chaos").</param>
    /// <param name="exchangeLogCapacity">Requests the simulator keeps in its exchange log.</param>
    public static async Task<LocalStack> StartAsync(string connectionString, TimeProvider simulatorTime, string name, int exchangeLogCapacity = 100)
    {
        var ca = TestCertificateAuthority.Create($"TSS {name} CA");
        var anchor = Path.Combine(Path.GetTempPath(), $"tss-{name}-ca-{Guid.NewGuid():N}.crt");
        ca.ExportCaPem(anchor);
        var simulator = SimulatorApp.Build(new SimulatorOptions
        {
            SoapPort = 0,
            AdminPort = 0,
            ServerCertificate = ca.IssueServer("localhost"),
            ClientCaCertificate = ca.Certificate,
            TMedSeconds = 0,
            MinPollInterval = TimeSpan.Zero,
            ExchangeLogCapacity = exchangeLogCapacity,
        }, simulatorTime, l => l.ClearProviders());
        await simulator.StartAsync();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = connectionString,
            ["Certificates:MasterKey"] = MasterKey,
            ["Certificates:MasterKeyId"] = name,
            // The run's own test CA is the anchor of its uploads; it publishes no CRL.
            ["Certificates:TrustAnchors:Paths:0"] = anchor,
            ["Certificates:TrustAnchors:RevocationMode"] = "NoCheck",
        }).Build());
        services.AddLogging();
        services.AddTssTenancy();
        services.AddTssCreditCheck(); // the pipeline side of a top-up: wakes documents awaiting credits
        var tenancy = services.BuildServiceProvider();
        await tenancy.GetRequiredService<TenancyStorage>().EnsureCreatedAsync(CancellationToken.None);
        return new LocalStack(ca, anchor, simulator, tenancy, connectionString, name);
    }

    /// <summary>An e-CNPJ certificate from the test CA (the caller disposes it).</summary>
    public X509Certificate2 IssueECnpj(string cnpj, string name) => _ca.IssueECnpj(cnpj, name);

    /// <summary>Registers <paramref name="cnpj"/> (SP, homologação) for the tenant with <paramref name="certificate"/>.</summary>
    public Task SaveEntityAsync(string tenantId, string cnpj, X509Certificate2 certificate, Uri? webhookUrl = null, string? webhookSecret = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Admin.SaveEntityAsync(new EntityRegistration
        {
            TenantId = tenantId,
            Cnpj = cnpj,
            Uf = "SP",
            tpAmb = 2,
            Pfx = certificate.Export(X509ContentType.Pkcs12, _masterKeyId),
            PfxPassword = _masterKeyId,
            WebhookUrl = webhookUrl,
            WebhookSecret = webhookSecret,
        });
    }

    /// <summary>The host's settings for this stack: storage, master key, the simulator and its trust anchor.</summary>
    public Dictionary<string, string?> HostEnvironment() => new()
    {
        ["Storage__ConnectionString"] = ConnectionString,
        ["Certificates__MasterKey"] = MasterKey,
        ["Certificates__MasterKeyId"] = _masterKeyId,
        ["Sefaz__BaseUrlOverride"] = SoapUri.ToString().TrimEnd('/'),
        ["Sefaz__TrustAnchorPath"] = AnchorPath,
        ["Certificates__TrustAnchors__Paths__0"] = AnchorPath,
        ["Certificates__TrustAnchors__RevocationMode"] = "NoCheck",
    };

    public async ValueTask DisposeAsync()
    {
        await Simulator.StopAsync();
        await Simulator.DisposeAsync();
        await _tenancy.DisposeAsync();
        _ca.Dispose();
        File.Delete(AnchorPath);
    }
}
