using Tss.Cli;
using Tss.Cli.Commands;

try
{
    var command = args.Length > 0 ? args[0] : "help";
    var rest = new CommandLine(args.Skip(1));
    return command switch
    {
        "sign" => SignCommand.Run(rest),
        "validate" => ValidateCommand.Run(rest),
        "danfe" => DanfeCommand.Run(args.Skip(1)),
        "dev-cert" => DevCertCommand.Run(rest),
        "sefaz" => await SefazCommand.RunAsync(rest),
        "simulator" => await SimulatorCommand.RunAsync(rest),
        "bench" => await BenchCommand.RunAsync(rest),
        "chaos" => await Tss.Cli.Chaos.ChaosRun.RunAsync(Tss.Cli.Chaos.ChaosSettings.From(rest)),
        "drill" when args.Length > 1 && args[1] == "contingency" => await Tss.Cli.Drill.DrillRun.RunAsync(Tss.Cli.Drill.DrillSettings.From(new CommandLine(args.Skip(2)))),
        "admin" => await AdminCommand.RunAsync(rest),
        "up" => await UpCommand.RunAsync(rest),
        "help" or "--help" or "-h" => Help.Print(),
        _ => throw new UsageException($"unknown command '{command}'"),
    };
}
catch (UsageException e)
{
    Console.Error.WriteLine($"tss: {e.Message}");
    Console.Error.WriteLine("run './tss help' for usage");
    return 64;
}
