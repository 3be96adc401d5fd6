using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.Tenancy.Certificates;
using Tss.Tenancy.Certificates.KeyVault;

namespace Tss.Tenancy.Tests.KeyVault;

/// <summary><c>Certificates:Store</c> picks the store; each store's required settings are checked at start.</summary>
public sealed class CertificateStoreSelectionTests
{
    [Fact]
    public void Key_vault_is_chosen_by_configuration_and_needs_no_master_key()
    {
        using var services = Build(new()
        {
            ["Certificates:Store"] = "KeyVault",
            ["Certificates:KeyVaultUri"] = "https://kv-tss.vault.azure.net/",
        });

        Assert.IsType<KeyVaultCertificateStore>(services.GetRequiredService<ICertificateStore>());
        Assert.True(services.GetRequiredService<IOptions<CertificateStoreOptions>>().Value.Store == CertificateStoreKind.KeyVault);
    }

    [Fact]
    public void Key_vault_without_its_uri_fails_naming_the_setting()
    {
        using var services = Build(new() { ["Certificates:Store"] = "KeyVault" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<CertificateStoreOptions>>().Value);

        Assert.Contains("Certificates:KeyVaultUri is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_vault_over_plain_http_is_refused()
    {
        using var services = Build(new() { ["Certificates:Store"] = "KeyVault", ["Certificates:KeyVaultUri"] = "http://kv-tss.vault.azure.net/" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<CertificateStoreOptions>>().Value);

        Assert.Contains("Certificates:KeyVaultUri must be an absolute https URI", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_blob_store_stays_the_default()
    {
        using var services = Build(new() { ["Certificates:MasterKey"] = TenancyFixture.MasterKey });

        Assert.Equal("BlobCertificateStore", services.GetRequiredService<ICertificateStore>().GetType().Name);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        settings["Storage:ConnectionString"] = "UseDevelopmentStorage=true";
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging(l => l.ClearProviders());
        services.AddTssTenancy();
        return services.BuildServiceProvider();
    }
}
