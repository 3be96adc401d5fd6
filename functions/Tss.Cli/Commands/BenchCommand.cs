namespace Tss.Cli.Commands;

/// <summary><c>tss bench sign|schema</c>: throughput figures on this machine (a program, not a test).</summary>
internal static class BenchCommand
{
    public static int Run(CommandLine cmd)
    {
        _ = cmd;
        throw new UsageException("bench: wiring pending");
    }
}
