using System.Diagnostics;

namespace Tss.Cli.Tests;

/// <summary>Runs the built CLI (tss.dll beside the tests) as a real process with its own TSS_HOME.</summary>
internal sealed class TssProcess
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "tss.dll");

    public static ProcessStartInfo StartInfo(string home, IReadOnlyDictionary<string, string>? env, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = home };
        psi.ArgumentList.Add(Dll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        psi.Environment["TSS_HOME"] = home;
        foreach (var (k, v) in env ?? new Dictionary<string, string>())
        {
            psi.Environment[k] = v;
        }
        return psi;
    }

    public static async Task<(int Exit, string Out, string Err)> RunAsync(string home, params string[] args) =>
        await RunAsync(home, null, args);

    public static Task<(int Exit, string Out, string Err)> RunAsync(string home, IReadOnlyDictionary<string, string>? env, params string[] args) =>
        RunAsync(home, env, TimeSpan.FromSeconds(60), args);

    public static async Task<(int Exit, string Out, string Err)> RunAsync(string home, IReadOnlyDictionary<string, string>? env, TimeSpan timeout, params string[] args)
    {
        using var p = Process.Start(StartInfo(home, env, args))!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        await p.WaitForExitAsync(cts.Token);
        return (p.ExitCode, await stdout, await stderr);
    }
}
