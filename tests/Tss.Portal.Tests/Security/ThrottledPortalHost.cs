using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Tss.Host;
using Tss.Testing.Hosting;

namespace Tss.Portal.Tests.Security;

/// <summary>
/// A second host for the throttling tests, on the assembly's Azurite and simulator but with its own tables, a low
/// per-client limit (the shared host allows every test's logins from 127.0.0.1) and a fake clock the tests advance.
/// </summary>
public sealed class ThrottledPortalHost(PortalFixture shared) : IAsyncLifetime
{
    /// <summary>Login/sign-up posts per client and window here.</summary>
    public const int PostsPerClient = 8;

    private static int _nextAddress = 10;
    private WebApplication _app = null!;

    public Uri BaseAddress { get; private set; } = null!;
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>A session from a loopback address no other session of this host used (its own per-client budget).</summary>
    public PortalSession NewClient() => new(BaseAddress, IPAddress.Parse($"127.0.9.{Interlocked.Increment(ref _nextAddress)}"));

    public async ValueTask InitializeAsync()
    {
        var configuration = shared.Services.GetRequiredService<IConfiguration>();
        var suffix = "thr" + Guid.NewGuid().ToString("N")[..8];
        var settings = TestSettings.IsolatedStorage(configuration["Storage:ConnectionString"]!, suffix).With(new Dictionary<string, string?>
        {
            ["Sefaz:BaseUrlOverride"] = configuration["Sefaz:BaseUrlOverride"],
            ["Sefaz:TrustAnchorPath"] = configuration["Sefaz:TrustAnchorPath"],
            ["Certificates:MasterKey"] = configuration["Certificates:MasterKey"],
            ["Portal:UsersTable"] = "users" + suffix,
            ["Portal:ProfilesTable"] = "profiles" + suffix,
            ["Portal:KeyRingContainer"] = "ring-" + suffix,
            ["Portal:LoginAttemptsPerClient"] = PostsPerClient.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var certificate = shared.Ca.IssueServer("localhost");
        _app = TssHostApp.Build([], builder =>
        {
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificate)));
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Services.AddSingleton<TimeProvider>(Time);
        });
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
