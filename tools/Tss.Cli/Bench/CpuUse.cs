using System.Diagnostics;

namespace Tss.Cli.Bench;

/// <summary>Share of one core each process used over a measured span (1.0 = one core busy), and the machine's busy share of all cores.</summary>
internal sealed record CpuUse(double Host, double Azurite, double Bench, double Machine, double LoadAverage)
{
    /// <summary>Starts a measurement of the host, Azurite and this process (the bench and its in-process simulator).</summary>
    public static Func<CpuUse> Start(int hostPid, int azuritePid)
    {
        var self = Environment.ProcessId;
        var wall = Stopwatch.StartNew();
        var (host, azurite, bench) = (ProcessCpu.Seconds(hostPid), ProcessCpu.Seconds(azuritePid), ProcessCpu.Seconds(self));
        var machine = ProcessCpu.Machine();
        return () =>
        {
            var seconds = Math.Max(wall.Elapsed.TotalSeconds, 1e-9);
            var nowMachine = ProcessCpu.Machine();
            var total = nowMachine.Total - machine.Total;
            return new CpuUse(
                (ProcessCpu.Seconds(hostPid) - host) / seconds,
                (ProcessCpu.Seconds(azuritePid) - azurite) / seconds,
                (ProcessCpu.Seconds(self) - bench) / seconds,
                total > 0 ? (nowMachine.Busy - machine.Busy) / total : 0,
                ProcessCpu.LoadAverage());
        };
    }
}
