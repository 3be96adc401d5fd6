using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Tss.DevTools.Pki;
using Tss.DevTools.Samples;
using Tss.Host;
using Tss.Protocol.Parties;
using Tss.Protocol.Time;
using Tss.Tenancy.Credits;
using Tss.Testing.Azurite;
using Tss.Testing.Hosting;
using Tss.Testing.Sefaz;

[assembly: AssemblyFixture(typeof(Tss.Portal.Tests.PortalFixture))]

namespace Tss.Portal.Tests;

/// <summary>
/// One host for the assembly, in-process on Kestrel over real HTTPS (server certificate from the simulator's test
/// CA): Azurite, the SEFAZ simulator over mutual TLS, one clock scaled 30× for host and simulator, a configured
/// operator. Headless Debian chromium through Playwright, started on first use. Tests isolate themselves with their
/// own tenants and e-mails.
/// </summary>
public sealed class PortalFixture : IAsyncLifetime
{
    public const string OperatorEmail = "operador@tss.test";
    public const string OperatorPassword = "Painel-2026-forte";
    public const string ChromiumPath = "/usr/bin/chromium";

    private static int _nNF = Random.Shared.Next(1_000, 100_000_000);
    private static int _cnpjSeed = Random.Shared.Next(10_000_000, 90_000_000);
    private readonly AzuriteFixture _azurite = new();
    private readonly ScaledTimeProvider _time = new(DateTimeOffset.UtcNow, 30);
    private readonly SemaphoreSlim _browserGate = new(1, 1);
    private SimulatorHarness _sim = null!;
    private WebApplication _app = null!;
    private bool _started;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress { get; private set; } = null!;
    public IServiceProvider Services => _app.Services;
    public TimeProvider Time => _time;
    public TestCertificateAuthority Ca => _sim.Ca;

    /// <summary>Publishes CRLs of CAs under the test CA (the portal checks revocation online, as in production).</summary>
    public Tss.Testing.Pki.CrlServer Crls => _sim.Crls;

    /// <summary>The simulator's admin endpoints (plain HTTP on loopback): DistDFe seeding, manifestações, faults.</summary>
    public Uri SimulatorAdmin => _sim.AdminUri;

    /// <summary>True once the credits feature registers its ledger in the host.</summary>

    /// <summary>Where screenshots go: $TSS_TEST_RESULTS_DIR (set by ./tss test) or TestResults beside the binaries.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(
        Environment.GetEnvironmentVariable("TSS_TEST_RESULTS_DIR") is { Length: > 0 } dir ? dir : Path.Combine(AppContext.BaseDirectory, "TestResults"),
        "portal-screenshots");

    public async ValueTask InitializeAsync()
    {
        await _azurite.InitializeAsync();
        try
        {
            _sim = await SimulatorHarness.StartAsync(_time, CancellationToken.None);
            var serverCertificate = _sim.Ca.IssueServer("localhost");
            var suffix = _azurite.UniqueName("p");
            _app = TssHostApp.Build([], builder =>
            {
                builder.Logging.ClearProviders();
                if (Environment.GetEnvironmentVariable("TSS_TEST_LOG") == "1") { builder.Logging.AddConsole(); }
                builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(serverCertificate)));
                builder.Configuration.AddInMemoryCollection(Settings(suffix));
                builder.Services.AddSingleton<TimeProvider>(_time);
            });
            await _app.StartAsync();
            _started = true;
            BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        }
        catch
        {
            await _azurite.DisposeAsync();
            throw;
        }
    }

    private Dictionary<string, string?> Settings(string suffix) => TestSettings.WithSimulator(_azurite.ConnectionString, suffix, _sim).With(new Dictionary<string, string?>
    {
        ["Pipeline:GatheringWindow"] = "00:00:00.200",
        ["Tenancy:CacheTtl"] = "00:00:00",
        ["Certificates:MasterKey"] = Convert.ToBase64String(Enumerable.Range(11, 32).Select(i => (byte)i).ToArray()),
        ["Credits:Enabled"] = "true",
        ["Portal:UsersTable"] = "users" + suffix,
        ["Portal:ProfilesTable"] = "profiles" + suffix,
        ["Portal:KeyRingContainer"] = "ring-" + suffix,
        ["Portal:OperatorEmail"] = OperatorEmail,
        ["Portal:OperatorPassword"] = OperatorPassword,
        ["Portal:LoginAttemptsPerClient"] = "1000000", // every test logs in from 127.0.0.1; Security/ tests run their own host
    });

    /// <summary>A CNPJ with valid check digits that no other test uses.</summary>
    public static string NewCnpj() => Cnpj.WithCheckDigits(Interlocked.Increment(ref _cnpjSeed).ToString("D8", System.Globalization.CultureInfo.InvariantCulture) + "0001");

    /// <summary>A unique e-mail address.</summary>
    public static string NewEmail(string who = "u") => $"{who}-{Guid.NewGuid():N}@cliente.test";

    /// <summary>An unsigned sample NF-e with a number no other test uses (keys stay unique at the simulator).</summary>
    public string SampleNfe(string cnpj) =>
        Tss.DevTools.Samples.SampleNfe.Create(new SampleNfeOptions { EmitCnpj = cnpj, nNF = Interlocked.Increment(ref _nNF) }, _time);

    /// <summary>A PFX of an e-CNPJ from the test CA.</summary>
    public byte[] Pfx(string cnpj, string password, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        using var cert = Ca.IssueECnpj(cnpj, "EMPRESA " + cnpj, notBefore, notAfter);
        return cert.Export(X509ContentType.Pkcs12, password);
    }

    /// <summary>An HTTP client for the portal that keeps cookies and does not follow redirects.</summary>
    public PortalSession NewSession() => new(BaseAddress);

    /// <summary>A fresh browser context (own cookies) on the host, certificate errors ignored (test CA).</summary>
    public async Task<IBrowserContext> NewBrowserContextAsync()
    {
        await _browserGate.WaitAsync();
        try
        {
            if (_browser is null)
            {
                Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
                _playwright = await Playwright.CreateAsync();
                _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = ChromiumPath,
                    Headless = true,
                    Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
                });
            }
        }
        finally
        {
            _browserGate.Release();
        }
        return await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            IgnoreHTTPSErrors = true,
            Locale = "pt-BR",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_app is not null && _started)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        if (_sim is not null)
        {
            await _sim.DisposeAsync();
        }
        await _azurite.DisposeAsync();
        _browserGate.Dispose();
    }
}
