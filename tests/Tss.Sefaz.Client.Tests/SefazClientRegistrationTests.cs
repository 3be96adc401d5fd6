using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Tss.Sefaz.Client.Tests;

public class SefazClientRegistrationTests
{
    [Fact]
    public void Options_are_bound_from_the_Sefaz_section()
    {
        using var provider = Build(new()
        {
            ["Sefaz:BaseUrlOverride"] = "https://localhost:7443",
            ["Sefaz:ReadTimeout"] = "00:00:30",
            ["Sefaz:MaxResponseBytes"] = "65536",
        });

        var options = provider.GetRequiredService<IOptions<SefazClientOptions>>().Value;

        Assert.Equal(new Uri("https://localhost:7443"), options.BaseUrlOverride);
        Assert.Equal(TimeSpan.FromSeconds(30), options.ReadTimeout);
        Assert.Equal(65536, options.MaxResponseBytes);
        Assert.Equal(new Uri("https://localhost:7443/NFeAutorizacao4"),
            provider.GetRequiredService<SefazEndpoints>().Resolve(new SefazTarget("SP", 55, 2), SefazService.NFeAutorizacao4).Url);
        Assert.Same(provider.GetRequiredService<SefazClient>(), provider.GetRequiredService<SefazClient>());
    }

    [Theory]
    [InlineData("Sefaz:ReadTimeout", "00:30:00")]
    [InlineData("Sefaz:ConnectTimeout", "00:00:00")]
    [InlineData("Sefaz:MaxResponseBytes", "10")]
    public void Out_of_range_options_fail_validation_at_start(string key, string value)
    {
        using var provider = Build(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(key.Split(':')[1], error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSefazClient();
        return services.BuildServiceProvider();
    }
}
