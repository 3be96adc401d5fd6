using System.Reflection;
using Tss.DevTools.Processes;

namespace Tss.Infra.Tests.Support;

/// <summary>The Bicep CLI restored from the Azure.Bicep.CommandLine.linux-x64 package (path baked in at build time).</summary>
public static class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>Full path of the <c>bicep</c> executable in the NuGet cache.</summary>
    public static string Path { get; } = Locate();

    /// <summary>Runs <c>bicep</c> with <paramref name="arguments"/> and returns its exit code and output.</summary>
    public static Task<ProcessResult> RunAsync(params string[] arguments) =>
        ProcessRunner.RunAsync(Path, arguments, Timeout, workingDirectory: Tss.DevTools.Local.RepositoryRoot.Path,
            environment: new Dictionary<string, string?>
            {
                // No usage telemetry, no update check: CI has no internet.
                ["BICEP_TELEMETRY_ENABLED"] = "false",
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            });

    private static string Locate()
    {
        var path = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "BicepCli").Value;
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            throw new InvalidOperationException($"Bicep CLI not found at '{path}'; restore tests/Tss.Infra.Tests (package Azure.Bicep.CommandLine.linux-x64).");
        }
        if (!OperatingSystem.IsWindows() && !File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute))
        {
            // NuGet extraction does not always keep the executable bit.
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
        }
        return path;
    }
}
