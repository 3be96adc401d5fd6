using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tss.DevTools.Local;
using Tss.DevTools.Pki;
using Tss.DevTools.Samples;
using Tss.Pipeline.Credits;
using Tss.Sefaz.Simulator;
using Tss.Tenancy;
using Tss.Tenancy.Entities;

namespace Tss.Cli.Commands;

/// <summary>
/// <c>tss up</c>: the service on this machine — Azurite (data kept in $TSS_HOME/azurite), MailDev, the SEFAZ simulator
/// and the host — with a demo tenant, entity (test-CA certificate) and API key, then prints the URLs and a curl line.
/// <c>--sefaz real</c> starts no simulator: the host calls the real authorizers of the endpoint table, trusts only the
/// ICP-Brasil roots and checks revocation online, and the demo entity is the one given with <c>--pfx</c> (a real A1).
/// Ctrl+C stops everything.
/// </summary>
internal static class UpCommand
{
    private const string DemoCnpj = "11222333000181";

    public static async Task<int> RunAsync(CommandLine cmd)
    {
        var hostPort = cmd.GetInt("port", 7071);
        var real = (cmd.Get("sefaz") ?? "simulator") switch
        {
            "simulator" => false,
            "real" => true,
            var other => throw new UsageException($"--sefaz must be 'simulator' (default) or 'real', not '{other}'"),
        };
        var entity = real ? UpRealEntity.From(cmd) : null;
        Directory.CreateDirectory(TssHome.Path);
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        // SIGTERM (docker stop, timeout, systemd) too: the child processes must not outlive us.
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });

        Console.Error.WriteLine(real ? "tss up: starting Azurite and MailDev (real SEFAZ homologação)…" : "tss up: starting Azurite, MailDev and the SEFAZ simulator…");
        await using var azurite = await AzuriteServer.StartAsync(Path.Combine(TssHome.Path, "azurite"), (cmd.GetInt("azurite-port", 10000), 10001, 10002));
        await using var maildev = await MailDevServer.StartAsync(Path.Combine(TssHome.Path, "mail"), (cmd.GetInt("smtp-port", 1025), cmd.GetInt("mail-port", 1080)));
        WebApplication? simulator = null;
        if (!real)
        {
            using (TestCertificateAuthority.LoadOrCreate(TssHome.Pki))
            {
                // Creates the local test CA (and the simulator's server certificate) on the first run.
            }
            simulator = SimulatorApp.Build(new SimulatorOptions
            {
                SoapPort = cmd.GetInt("sefaz-port", 8443),
                AdminPort = cmd.GetInt("sefaz-admin-port", 8080),
                TMedSeconds = 1,
                DevPkiDirectory = TssHome.Pki,
            }, TimeProvider.System, l => l.SetMinimumLevel(LogLevel.Warning));
            await simulator.StartAsync(stop.Token);
        }
        var sefaz = simulator is null ? UpRealEntity.Settings : SimulatorSettings(simulator);

        var configuration = new Dictionary<string, string?>
        {
            ["Storage__ConnectionString"] = azurite.ConnectionString,
            ["Smtp__Host"] = "127.0.0.1",
            ["Smtp__Port"] = maildev.SmtpPort.ToString(CultureInfo.InvariantCulture),
            ["Smtp__Security"] = "None",
            ["Smtp__From"] = "nfe@tss.local",
            ["Distribution__PublicBaseUrl"] = $"http://127.0.0.1:{hostPort}/",
            ["Credits__Enabled"] = "true",
            // Plain HTTP on loopback: the portal's cookies follow the request's scheme here (HTTPS everywhere else).
            ["Portal__RequireHttps"] = "false",
        };
        foreach (var (key, value) in sefaz)
        {
            configuration[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        var demo = await SeedDemoAsync(azurite.ConnectionString, sefaz, entity, stop.Token);
        var sample = Path.Combine(TssHome.Path, "samples", "nfe-demo.xml");
        Directory.CreateDirectory(Path.GetDirectoryName(sample)!);
        await File.WriteAllTextAsync(sample, SampleNfe.Create(new SampleNfeOptions { EmitCnpj = DemoCnpj, nNF = Random.Shared.Next(1, 999_999_999) }), stop.Token);
        var nfceSample = Path.Combine(TssHome.Path, "samples", "nfce-demo.xml");
        await File.WriteAllTextAsync(nfceSample, SampleNfe.Create(new SampleNfeOptions
        {
            EmitCnpj = DemoCnpj,
            mod = 65,
            Items = 2,
            nNF = Random.Shared.Next(1, 999_999_999),
        }), stop.Token);

        Console.Error.WriteLine("tss up: starting the host…");
        await using var host = await HostProcess.StartAsync(cmd.Get("host-assembly") ?? HostProcess.DefaultAssembly(), hostPort, configuration, Directory.GetCurrentDirectory(), ct: stop.Token);
        var api = host.BaseUri.ToString().TrimEnd('/');
        Console.WriteLine($"""

            TSS Functions is running (Ctrl+C stops everything)
              API       {api}/api/v1   (OpenAPI {api}/openapi/v1.json, SOAP {api}/soap/nfe?wsdl)
              Portal    {api}/portal/   (sign up there; operators: ./tss admin operator create --email E --password P)
              SEFAZ     {(simulator is null ? "real authorizers, homologação (endpoint table; ICP-Brasil roots, revocation online)" : $"{SimulatorApp.SoapUri(simulator)} (simulator, mutual TLS; admin {SimulatorApp.AdminUri(simulator)}admin/health)")}
              Storage   Azurite on 127.0.0.1:{azurite.Ports.Blob}/{azurite.Ports.Queue}/{azurite.Ports.Table} (data in {Path.Combine(TssHome.Path, "azurite")})
              E-mail    {maildev.WebUri} (MailDev: the XML e-mails of the demo entity land here)

            Demo tenant {demo.TenantId}, entity {demo.Cnpj} ({demo.Uf}, homologação), API key:
              {demo.ApiKey}

            Submit the sample NF-e, then ask for its status:
              curl -s -X POST -H "Authorization: Bearer {demo.ApiKey}" -H "Content-Type: application/xml" --data-binary @{sample} {api}/api/v1/entities/{demo.Cnpj}/nfe
              curl -s -H "Authorization: Bearer {demo.ApiKey}" "{api}/api/v1/entities/{demo.Cnpj}/nfe?pageSize=10"
              curl -s -H "Authorization: Bearer {demo.ApiKey}" {api}/api/v1/credits

            An NFC-e (the service adds its QR code; v3 until the company has a CSC):
              curl -s -X POST -H "Authorization: Bearer {demo.ApiKey}" -H "Content-Type: application/xml" --data-binary @{nfceSample} {api}/api/v1/entities/{demo.Cnpj}/nfe
            """);
        Console.Out.Flush();
        try
        {
            while (host.IsRunning)
            {
                await Task.Delay(500, stop.Token);
            }
            Console.Error.WriteLine($"tss up: the host exited:{Environment.NewLine}{host.Output}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("tss up: stopping…");
            return 0;
        }
        finally
        {
            if (simulator is not null)
            {
                await simulator.StopAsync(CancellationToken.None);
                await simulator.DisposeAsync();
            }
        }
    }

    /// <summary>The simulator as SEFAZ, its test CA as the SEFAZ connection's and the uploads' anchor (it publishes no CRL).</summary>
    private static Dictionary<string, string?> SimulatorSettings(WebApplication simulator) => new()
    {
        ["Sefaz:BaseUrlOverride"] = SimulatorApp.SoapUri(simulator).ToString().TrimEnd('/'),
        ["Sefaz:TrustAnchorPath"] = Path.Combine(TssHome.Pki, "ca.crt"),
        ["Certificates:TrustAnchors:Paths:0"] = Path.Combine(TssHome.Pki, "ca.crt"),
        ["Certificates:TrustAnchors:RevocationMode"] = "NoCheck",
    };

    /// <summary>
    /// The demo tenant, entity and API key: kept in $TSS_HOME/demo.json (demo-real.json with a real certificate) and
    /// reused while its key still works.
    /// </summary>
    private static async Task<DemoTenant> SeedDemoAsync(string connectionString, Dictionary<string, string?> sefaz, UpRealEntity? real, CancellationToken ct)
    {
        var services = new ServiceCollection();
        services.AddSingleton(new ConfigurationBuilder()
            .AddConfiguration(CliConfiguration.Build())
            .AddInMemoryCollection(new Dictionary<string, string?>(sefaz) { ["Storage:ConnectionString"] = connectionString })
            .Build() as IConfiguration);
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddTssTenancy();
        services.AddTssCreditCheck(); // the pipeline side of a top-up: wakes documents awaiting credits
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<TenancyStorage>().EnsureCreatedAsync(ct);

        var file = Path.Combine(TssHome.Path, real is null ? "demo.json" : "demo-real.json");
        if (File.Exists(file) && JsonSerializer.Deserialize<DemoTenant>(await File.ReadAllTextAsync(file, ct)) is { } saved
            && await provider.GetRequiredService<Tss.Tenancy.ApiKeys.ApiKeyVerifier>().VerifyAsync(saved.ApiKey, ct) is not null)
        {
            await SeedCreditsAsync(provider, saved.TenantId, ct); // a demo made before credits existed gets them too
            return saved;
        }
        var admin = provider.GetRequiredService<TenancyAdmin>();
        var tenant = await admin.CreateTenantAsync(real is null ? "Empresa Demonstração" : "Empresa (SEFAZ homologação)", ct: ct);
        var registration = new EntityRegistration
        {
            TenantId = tenant.TenantId,
            Cnpj = real?.Cnpj ?? DemoCnpj,
            Uf = real?.Uf ?? "SP",
            tpAmb = 2,
            Email = "fiscal@demo.tss.local",
        };
        if (real is not null)
        {
            // A refused certificate (untrusted chain, revoked, …) stops here with its code and pt-BR message.
            await admin.SaveEntityAsync(registration with { Pfx = await File.ReadAllBytesAsync(real.PfxPath, ct), PfxPassword = real.Password }, ct);
        }
        else
        {
            using var ca = TestCertificateAuthority.LoadOrCreate(TssHome.Pki);
            using var cert = ca.IssueECnpj(DemoCnpj, "EMPRESA DEMONSTRACAO LTDA");
            await admin.SaveEntityAsync(registration with { Pfx = cert.Export(X509ContentType.Pkcs12, DevEntity.Password), PfxPassword = DevEntity.Password }, ct);
        }
        await SeedCreditsAsync(provider, tenant.TenantId, ct);
        var key = await admin.CreateApiKeyAsync(tenant.TenantId, "demo", ct);
        var demo = new DemoTenant(tenant.TenantId, key.Key, registration.Cnpj, registration.Uf);
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(demo), ct);
        return demo;
    }

    /// <summary>Credits are on locally: the demo tenant gets 1000 once (the reference makes it idempotent) and a low-balance e-mail at 100.</summary>
    private static async Task SeedCreditsAsync(IServiceProvider provider, string tenantId, CancellationToken ct)
    {
        var credits = provider.GetRequiredService<Tss.Tenancy.Credits.ICreditLedger>();
        await credits.TopUpAsync(tenantId, 1000, "demo-inicial", "tss up", ct);
        if ((await credits.GetBalanceAsync(tenantId, ct)).LowBalanceThreshold is null)
        {
            await credits.SetLowBalanceNotificationAsync(tenantId, 100, "fiscal@demo.tss.local", ct);
        }
    }

    private sealed record DemoTenant(string TenantId, string ApiKey, string Cnpj = DemoCnpj, string Uf = "SP");
}
