using Tss.Sefaz.Simulator;

// Standalone SEFAZ simulator: options from the "Simulator" section of appsettings, environment variables and the
// command line (e.g. --Simulator:SoapPort=8443 --Simulator:Environment=2).
var configuration = new ConfigurationBuilder()
    .SetBasePath(AppContext.BaseDirectory)
    .AddJsonFile("appsettings.json", optional: true)
    .AddEnvironmentVariables()
    .AddCommandLine(args)
    .Build();
var options = configuration.GetSection(SimulatorOptions.Section).Get<SimulatorOptions>() ?? new SimulatorOptions();
if (options.ServerCertificate is null && options.ServerCertificatePath is null && options.DevPkiDirectory is null)
{
    options.DevPkiDirectory = Path.Combine(Directory.GetCurrentDirectory(), ".tss", "pki");
}

var app = SimulatorApp.Build(options, logging: logging => logging.AddConfiguration(configuration.GetSection("Logging")));
await app.StartAsync();
Console.WriteLine($"SOAP  {SimulatorApp.SoapUri(app)}");
Console.WriteLine($"Admin {SimulatorApp.AdminUri(app)}admin/health");
await app.WaitForShutdownAsync();
