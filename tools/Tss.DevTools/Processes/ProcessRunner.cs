using System.Diagnostics;

namespace Tss.DevTools.Processes;

/// <summary>Starts helper processes (emulators, the host, the simulator) for local runs, benchmarks and tests and runs commands to completion.</summary>
public static class ProcessRunner
{
    /// <summary>Starts <paramref name="fileName"/> in the background, capturing its output; dispose to kill its process tree.</summary>
    public static RunningProcess Start(string fileName, IEnumerable<string> arguments, string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null) =>
        new(CreateStartInfo(fileName, arguments, workingDirectory, environment));

    /// <summary>Runs a command to completion (killing it after <paramref name="timeout"/>) and returns its exit code and output.</summary>
    public static async Task<ProcessResult> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout,
        string? workingDirectory = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        await using var process = Start(fileName, arguments, workingDirectory, environment);
        var exitCode = await process.WaitForExitAsync(timeout).ConfigureAwait(false);
        return new ProcessResult(exitCode, process.Output);
    }

    private static ProcessStartInfo CreateStartInfo(string fileName, IEnumerable<string> arguments, string? workingDirectory,
        IReadOnlyDictionary<string, string?>? environment)
    {
        var info = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[name] = value;
        }
        return info;
    }
}
