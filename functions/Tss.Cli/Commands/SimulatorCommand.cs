namespace Tss.Cli.Commands;

/// <summary><c>tss simulator</c>: starts the SEFAZ simulator and prints its URLs.</summary>
internal static class SimulatorCommand
{
    public static Task<int> RunAsync(CommandLine cmd)
    {
        _ = cmd;
        throw new UsageException("simulator: wiring pending");
    }
}
