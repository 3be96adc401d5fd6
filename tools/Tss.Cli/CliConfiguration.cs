using Microsoft.Extensions.Configuration;

namespace Tss.Cli;

/// <summary>local.settings.json (or, when absent, local.settings.sample.json) from the working directory, then
/// environment variables (Sefaz__BaseUrlOverride=…).</summary>
internal static class CliConfiguration
{
    public static IConfiguration Build()
    {
        var dir = Directory.GetCurrentDirectory();
        var file = File.Exists(Path.Combine(dir, "local.settings.json")) ? "local.settings.json" : "local.settings.sample.json";
        return new ConfigurationBuilder()
            .SetBasePath(dir)
            .AddJsonFile(file, optional: true)
            .AddEnvironmentVariables()
            .Build();
    }
}
