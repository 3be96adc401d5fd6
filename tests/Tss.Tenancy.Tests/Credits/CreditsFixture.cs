using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tss.Tenancy.Credits;
using Tss.Testing.Azurite;
using Tss.Testing.Hosting;

namespace Tss.Tenancy.Tests.Credits;

/// <summary>The tenant store with its own credits table on Azurite, a fake clock, and optionally an SMTP server.</summary>
internal sealed class CreditsFixture : IAsyncDisposable
{
    private readonly List<ServiceProvider> _instances = [];

    private CreditsFixture(Dictionary<string, string?> settings, FakeTimeProvider time) => (Settings, Time) = (settings, time);

    public Dictionary<string, string?> Settings { get; }
    public FakeTimeProvider Time { get; }

    public static async Task<CreditsFixture> CreateAsync(AzuriteFixture azurite, int? smtpPort = null)
    {
        var suffix = azurite.UniqueName("c");
        var settings = TestSettings.IsolatedStorage(azurite.ConnectionString, suffix).With(new Dictionary<string, string?>
        {
            ["Certificates:MasterKey"] = TenancyFixture.MasterKey,
            ["Credits:Enabled"] = "true",
        });
        if (smtpPort is { } port)
        {
            settings["Smtp:Host"] = "127.0.0.1";
            settings["Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Smtp:Security"] = "None";
            settings["Smtp:From"] = "avisos@tss.local";
        }
        var fixture = new CreditsFixture(settings, new FakeTimeProvider(DateTimeOffset.UtcNow));
        await fixture.NewInstance().GetRequiredService<TenancyStorage>().EnsureCreatedAsync(TestContext.Current.CancellationToken);
        return fixture;
    }

    /// <summary>Another instance of the service (as another process would be) on the same storage and clock.</summary>
    public ServiceProvider NewInstance()
    {
        var instance = TenancyFixture.Build(Settings, Time);
        _instances.Add(instance);
        return instance;
    }

    public ICreditLedger Ledger(ServiceProvider? instance = null) => (instance ?? _instances[0]).GetRequiredService<ICreditLedger>();

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }
    }
}
