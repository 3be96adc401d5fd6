using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Tss.DevTools.Pki;
using Tss.Pipeline.Credits;
using Tss.Testing.Azurite;

[assembly: AssemblyFixture(typeof(AzuriteFixture))]

namespace Tss.Tenancy.Tests;

/// <summary>
/// The tenant store on Azurite with its own tables and container, a fake clock and a test CA — the only trust anchor
/// of uploads (revocation off: these tests are not about it; Security/ covers it).
/// </summary>
internal sealed class TenancyFixture : IAsyncDisposable
{
    public static readonly string MasterKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    private readonly string _anchor;

    private TenancyFixture(ServiceProvider services, FakeTimeProvider time, TestCertificateAuthority ca, Dictionary<string, string?> settings, string anchor)
        => (Services, Time, Ca, Settings, _anchor) = (services, time, ca, settings, anchor);

    public ServiceProvider Services { get; }
    public FakeTimeProvider Time { get; }
    public TestCertificateAuthority Ca { get; }
    public Dictionary<string, string?> Settings { get; }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public static async Task<TenancyFixture> CreateAsync(AzuriteFixture azurite)
    {
        var suffix = azurite.UniqueName("n");
        var ca = TestCertificateAuthority.Create("Tenancy Tests CA");
        var anchor = Path.Combine(Path.GetTempPath(), $"tss-tenancy-ca-{Guid.NewGuid():N}.crt");
        ca.ExportCaPem(anchor);
        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Tenancy:TenantsTable"] = "tenants" + suffix,
            ["Tenancy:EntitiesTable"] = "entities" + suffix,
            ["Tenancy:ApiKeysTable"] = "keys" + suffix,
            ["Tenancy:CacheTtl"] = "00:00:30",
            ["Certificates:MasterKey"] = MasterKey,
            ["Certificates:Container"] = "certs" + suffix,
            ["Certificates:TrustAnchors:IcpBrasil"] = "false",
            ["Certificates:TrustAnchors:Paths:0"] = anchor,
            ["Certificates:TrustAnchors:RevocationMode"] = "NoCheck",
        };
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var services = Build(settings, time);
        await services.GetRequiredService<TenancyStorage>().EnsureCreatedAsync(TestContext.Current.CancellationToken);
        return new TenancyFixture(services, time, ca, settings, anchor);
    }

    /// <summary>Another instance of the service (its own caches) on the same storage and clock.</summary>
    public ServiceProvider NewInstance() => Build(Settings, Time);

    public static ServiceProvider Build(Dictionary<string, string?> settings, TimeProvider time)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(l => l.ClearProviders());
        services.AddSingleton(time);
        services.AddTssTenancy();
        services.AddTssCreditCheck(); // the pipeline side of a top-up: wakes documents awaiting credits
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Ca.Dispose();
        File.Delete(_anchor);
    }
}
