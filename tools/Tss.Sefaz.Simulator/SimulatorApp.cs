using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Tss.Protocol.Time;
using Tss.Sefaz.Simulator.Admin;
using Tss.Sefaz.Simulator.Authorization;
using Tss.Sefaz.Simulator.Authorizations;
using Tss.Sefaz.Simulator.Contingency;
using Tss.Sefaz.Simulator.Core;
using Tss.Sefaz.Simulator.Distribuicao;
using Tss.Sefaz.Simulator.Exchanges;
using Tss.Sefaz.Simulator.Faults;
using Tss.Sefaz.Simulator.Hosting;
using Tss.Sefaz.Simulator.Hosting.Internal;
using Tss.Sefaz.Simulator.Lots;
using Tss.Sefaz.Simulator.Nfce;
using Tss.Sefaz.Simulator.ProtocolQuery;
using Tss.Sefaz.Simulator.ReceiptQuery;
using Tss.Sefaz.Simulator.Soap;

namespace Tss.Sefaz.Simulator;

/// <summary>Builds the simulator host, so tests and the CLI can run it in-process.</summary>
public static class SimulatorApp
{
    /// <summary>Builds (does not start) the simulator: SOAP over mutual TLS plus the admin API.</summary>
    /// <param name="time">The simulator clock; a ScaledTimeProvider when <see cref="SimulatorOptions.ClockScale"/> ≠ 1,
    /// the system clock otherwise.</param>
    /// <param name="logging">Extra logging configuration (e.g. clearing providers in tests).</param>
    public static WebApplication Build(SimulatorOptions options, TimeProvider? time = null, Action<ILoggingBuilder>? logging = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        time ??= ClockFor(options);
        var certificates = CertificateLoader.Load(options);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SimulatorApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        logging?.Invoke(builder.Logging);
        // The slim builder leaves HTTPS out; the SOAP endpoint needs it.
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel => KestrelSetup.Configure(kestrel, options, certificates));
        builder.Services.AddSimulator(options, time, certificates);

        var app = builder.Build();
        app.MapWhen(context => context.Request.IsHttps,
            soap => soap.Run(context => context.RequestServices.GetRequiredService<SoapEndpoint>().HandleAsync(context)));
        app.MapAdminApi();
        app.MapDistributionAdminApi();
        app.MapNfceAdminApi();
        app.MapContingencyAdminApi();
        Epec.EpecAdminApi.MapEpecAdminApi(app);
        app.Lifetime.ApplicationStarted.Register(() => Log.Started(
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(Log.Category), SoapUri(app), AdminUri(app), options.Environment));
        return app;
    }

    /// <summary>The bound HTTPS SOAP address (after start), with a wildcard host replaced by localhost.</summary>
    public static Uri SoapUri(WebApplication app) => Address(app, Uri.UriSchemeHttps);

    /// <summary>The bound plain-HTTP admin address (after start).</summary>
    public static Uri AdminUri(WebApplication app) => Address(app, Uri.UriSchemeHttp);

    private static IServiceCollection AddSimulator(this IServiceCollection services, SimulatorOptions options, TimeProvider time,
        SimulatorCertificates certificates)
    {
        services.AddSingleton(options);
        services.AddSingleton(time);
        services.AddSingleton(certificates);
        services.AddSingleton<AuthorizationStore>();
        services.AddSingleton<FaultRegistry>();
        services.AddSingleton<NumberSequences>();
        services.AddSingleton<LotEngine>();
        services.AddSingleton<ExchangeLog>();
        services.AddSingleton<CscRegistry>();
        services.AddSingleton<AuthorizerBoard>();
        services.AddSingleton<Epec.EpecRegistry>();
        services.AddSingleton<Epec.EpecService>();
        services.AddSingleton<SoapEndpoint>();
        // One line per SEFAZ service; new services (events, inutilização, DistDFe) are added here.
        services.AddSingleton<ISimulatorService, AuthorizationService>();
        services.AddSingleton<ISimulatorService, ReceiptQueryService>();
        services.AddSingleton<ISimulatorService, StatusService.StatusService>();
        services.AddSingleton<ISimulatorService, ProtocolQueryService>();
        services.AddSingleton<Events.EventService>();
        services.AddSingleton<Distribuicao.DistributionStore>();
        services.AddSingleton<ISimulatorService, Distribuicao.ManifestacaoRouter>();
        services.AddSingleton<ISimulatorService, Distribuicao.DistDFeService>();
        services.AddSingleton<ISimulatorService, Inutilizacao.InutilizacaoService>();
        services.AddSingleton<ISimulatorService, Cadastro.CadastroService>();
        services.ConfigureHttpJsonOptions(json => AdminApi.ConfigureJson(json.SerializerOptions));
        return services;
    }

    private static TimeProvider ClockFor(SimulatorOptions options) =>
        options.ClockScale == 1
            ? TimeProvider.System
            : new ScaledTimeProvider(options.ClockOrigin ?? TimeProvider.System.GetUtcNow(), options.ClockScale);

    private static Uri Address(WebApplication app, string scheme)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith(scheme + "://", StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"No {scheme} address is bound; start the application first.");
        var uri = new UriBuilder(address);
        if (uri.Host is "0.0.0.0" or "[::]" or "::" or "*" or "+")
        {
            uri.Host = "localhost";
        }

        return uri.Uri;
    }
}
