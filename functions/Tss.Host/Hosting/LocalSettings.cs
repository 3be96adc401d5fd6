using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;

namespace Tss.Host.Hosting;

/// <summary>The repository's local.settings.json (or the sample) as a configuration layer under environment variables.</summary>
public static class LocalSettings
{
    /// <summary>
    /// Adds local.settings.json — or, when absent, local.settings.sample.json — from the working directory, above
    /// appsettings.json and below environment variables and the command line (same files as the CLI).
    /// </summary>
    public static IConfigurationBuilder AddLocalSettings(this IConfigurationBuilder configuration)
    {
        var dir = Directory.GetCurrentDirectory();
        var file = new[] { "local.settings.json", "local.settings.sample.json" }.Select(f => Path.Combine(dir, f)).FirstOrDefault(File.Exists);
        if (file is null)
        {
            return configuration;
        }
        var source = new JsonConfigurationSource { Path = file, Optional = true, ReloadOnChange = false };
        source.ResolveFileProvider();
        var index = configuration.Sources.ToList().FindIndex(s => s is EnvironmentVariablesConfigurationSource);
        configuration.Sources.Insert(index < 0 ? configuration.Sources.Count : index, source);
        return configuration;
    }
}
