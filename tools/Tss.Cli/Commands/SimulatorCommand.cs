using Microsoft.Extensions.Hosting;
using Tss.Sefaz.Simulator;

namespace Tss.Cli.Commands;

/// <summary><c>tss simulator</c>: starts the SEFAZ simulator (test PKI under $TSS_HOME/pki) and prints its URLs.</summary>
internal static class SimulatorCommand
{
    public static async Task<int> RunAsync(CommandLine cmd)
    {
        var options = new SimulatorOptions
        {
            SoapPort = cmd.GetInt("port", 8443),
            AdminPort = cmd.GetInt("admin-port", 8080),
            TMedSeconds = cmd.GetInt("tmed", 1),
            Environment = cmd.GetInt("env", 2),
            ClockScale = cmd.GetDouble("scale", 1),
            DevPkiDirectory = TssHome.Pki,
        };
        if (cmd.Get("clock-origin") is { } origin)
        {
            options.ClockOrigin = DateTimeOffset.Parse(origin, System.Globalization.CultureInfo.InvariantCulture);
        }
        var app = SimulatorApp.Build(options);
        await app.StartAsync();
        Console.WriteLine($"SEFAZ simulator (tpAmb {options.Environment}, tMed {options.TMedSeconds}s, clock x{options.ClockScale})");
        Console.WriteLine($"  SOAP  {SimulatorApp.SoapUri(app)}   (mutual TLS: client certificates from {Path.Combine(TssHome.Pki, "ca.crt")})");
        Console.WriteLine($"  Admin {SimulatorApp.AdminUri(app)}admin/health");
        Console.Out.Flush();
        await app.WaitForShutdownAsync();
        return 0;
    }
}
