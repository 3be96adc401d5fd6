using System.Diagnostics;

namespace Tss.Cli.Bench;

/// <summary><c>--noise N</c>: N processes that each keep one core busy (a shell spinning in a loop) for the run.</summary>
internal sealed class NoiseProcesses : IDisposable
{
    private readonly List<Process> _spinners = [];

    public NoiseProcesses(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var spinner = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", "while :; do :; done"])
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
            }) ?? throw new InvalidOperationException("could not start a noise process (/bin/sh)");
            _spinners.Add(spinner);
        }
    }

    public int Count => _spinners.Count;

    public void Dispose()
    {
        foreach (var spinner in _spinners)
        {
            try
            {
                spinner.Kill();
                spinner.WaitForExit(5_000);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
            spinner.Dispose();
        }
        _spinners.Clear();
    }
}
