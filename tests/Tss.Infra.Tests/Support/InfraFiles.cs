using Tss.DevTools.Local;

namespace Tss.Infra.Tests.Support;

/// <summary>Where the deployment files live in the checkout.</summary>
public static class InfraFiles
{
    /// <summary>The <c>infra/</c> folder.</summary>
    public static string Folder => Path.Combine(RepositoryRoot.Path, "infra");

    /// <summary>The azd entry point.</summary>
    public static string Main => Path.Combine(Folder, "main.bicep");

    /// <summary>The linter configuration every Bicep file is checked with.</summary>
    public static string BicepConfig => Path.Combine(Folder, "bicepconfig.json");

    /// <summary>The azd project file at the repository root.</summary>
    public static string AzureYaml => Path.Combine(RepositoryRoot.Path, "azure.yaml");

    /// <summary>Every <c>.bicep</c> file under <c>infra/</c> (the local tools under <c>infra/local</c> hold none of ours).</summary>
    public static IReadOnlyList<string> BicepFiles =>
        [.. Directory.EnumerateFiles(Folder, "*.bicep", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}node_modules{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];
}
