using System.Diagnostics;

namespace Tss.Runtime.Faults;

/// <summary>
/// Named places where the crash tests and <c>./tss chaos</c> kill the process as SIGKILL would: no finally blocks, no
/// flush, no graceful shutdown. Inert unless the environment names the point: <c>TSS_CRASH_AT</c> = a point name (or
/// several, comma-separated) and <c>TSS_CRASH_MARKER</c> = a file path; the process dies at the first point reached
/// while the marker file does not exist, after creating it — so the restarted process runs on.
/// </summary>
public static class CrashPoint
{
    private static readonly string[] Armed = (Environment.GetEnvironmentVariable("TSS_CRASH_AT") ?? "")
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static readonly string? Marker = Environment.GetEnvironmentVariable("TSS_CRASH_MARKER");

    /// <summary>A point simulated in the current async flow only (in-process tests): see <see cref="SimulateInThisFlow"/>.</summary>
    private static readonly AsyncLocal<string?> Simulated = new();

    /// <summary>
    /// Makes <paramref name="name"/> throw <see cref="SimulatedCrashException"/> when reached from the calling async
    /// flow (and only there) until the result is disposed: an in-process test stops the work exactly where a crash
    /// would, without killing the process that hosts other tests.
    /// </summary>
    public static IDisposable SimulateInThisFlow(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Simulated.Value = name;
        return new Disarm();
    }

    private sealed class Disarm : IDisposable
    {
        public void Dispose() => Simulated.Value = null;
    }

    /// <summary>Kills the process here when this point is armed and has not fired yet.</summary>
    public static void Hit(string name)
    {
        if (Simulated.Value is { } simulated && string.Equals(simulated, name, StringComparison.Ordinal))
        {
            throw new SimulatedCrashException(name);
        }
        if (Armed.Length == 0 || Marker is null || !Armed.Contains(name, StringComparer.Ordinal))
        {
            return;
        }
        try
        {
            using var created = new FileStream(Marker, FileMode.CreateNew, FileAccess.Write);
            created.Write(System.Text.Encoding.UTF8.GetBytes(name));
        }
        catch (IOException)
        {
            return; // fired before (the marker exists): this run goes on
        }
        using var self = Process.GetCurrentProcess();
        self.Kill(); // SIGKILL on Unix
    }
}
