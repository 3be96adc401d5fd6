using Tss.Durable;
using Tss.Host.Auth;
using Tss.Host.Hosting;
using Tss.Host.Soap;
using Tss.Mde.Hosting;
using Tss.Orchestrations.Delivery;
using Tss.Orchestrations.Epec;
using Tss.Orchestrations.Events;
using Tss.Orchestrations.Lots;
using Tss.Orchestrations.Mde;
using Tss.Pipeline.Hosting;
using Tss.Portal;
using Tss.Tenancy;

namespace Tss.Host;

/// <summary>
/// Builds the functions app: REST + SOAP for ERPs, the pipeline's queue listeners and the portal in one process, or a
/// part of it (<c>Host:Role</c>: All, Api, Portal — <see cref="HostRole"/>). Used by <c>Program</c> and, in-process, by
/// tests and tools.
/// </summary>
public static class TssHostApp
{
    /// <summary>Builds (does not start) the host.</summary>
    /// <param name="args">Command-line arguments (configuration overrides such as <c>--urls</c>).</param>
    /// <param name="configure">
    /// Runs before the services are added: add configuration (it wins over files and environment), pre-register
    /// services (e.g. a <see cref="TimeProvider"/>), set URLs.
    /// </param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(TssHostApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddLocalSettings();
        configure?.Invoke(builder);
        var role = HostRoles.From(builder.Configuration);

        builder.Services.AddTssClock(builder.Configuration);
        builder.Services.AddTssStorageBootstrap();
        builder.Services.AddTssDurable(builder.Configuration);
        builder.Services.AddTssTenancy();
        builder.Services.AddTssPipeline(builder.Configuration);
        builder.Services.AddTssLotOrchestration();
        builder.Services.AddTssEventOrchestration();
        builder.Services.AddTssEpecOrchestration();
        builder.Services.AddTssMde(builder.Configuration);
        builder.Services.AddTssMdeOrchestration();
        builder.Services.AddTssDeliveryOrchestration();
        builder.Services.AddTssApiKeyAuthentication();
        builder.Services.AddTssApi();
        builder.Services.AddTssSoap();
        builder.Services.AddTssTelemetry(builder.Configuration);
        builder.Services.AddTssHealth();
        builder.Services.AddTssPortal(builder.Configuration);
        if (role == HostRole.Portal)
        {
            // Every service stays registered (the portal's pages use the same stores); only the workers go.
            HostRoles.KeepOnlyPortalHostedServices(builder.Services);
        }

        var app = builder.Build();
        app.UseTssApi();
        if (role != HostRole.Portal)
        {
            app.MapTssRestApi();
            app.MapTssSoap();
            app.MapDiagnosticsApi();
        }
        app.MapTssHealth();
        if (role != HostRole.Api)
        {
            app.MapTssPortal();
        }
        return app;
    }
}
