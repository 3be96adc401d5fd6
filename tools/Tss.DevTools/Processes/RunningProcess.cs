using System.Diagnostics;
using System.Text;

namespace Tss.DevTools.Processes;

/// <summary>A started process whose output is kept (the last 64 KiB) for failure messages; disposing kills its whole tree.</summary>
public sealed class RunningProcess : IAsyncDisposable
{
    private const int MaxOutputChars = 64 * 1024;
    private readonly Process process;
    private readonly StringBuilder output = new();

    internal RunningProcess(ProcessStartInfo startInfo)
    {
        process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The OS process id.</summary>
    public int Id => process.Id;

    /// <summary>True until the process exits.</summary>
    public bool IsRunning => !process.HasExited;

    /// <summary>What the process printed so far (stdout and stderr).</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Waits for exit; kills the tree and returns -1 when <paramref name="timeout"/> passes first.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
            return process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            Kill();
            return -1;
        }
    }

    /// <summary>Kills the process and all its children (no-op when it already exited).</summary>
    public void Kill()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited meanwhile.
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Left to the OS; nothing more a test can do.
        }
        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.AppendLine(line);
            if (output.Length > MaxOutputChars)
            {
                output.Remove(0, output.Length - MaxOutputChars);
            }
        }
    }
}
