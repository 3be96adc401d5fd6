using Tss.Durable;
using Tss.Host.Auth;
using Tss.Host.Contingency;
using Tss.Host.Credits;
using Tss.Host.Documents;
using Tss.Host.Events;
using Tss.Host.Hosting;
using Tss.Host.Mde;
using Tss.Host.Soap;
using Tss.Host.Submission;
using Tss.Mde.Hosting;
using Tss.Orchestrations.Delivery;
using Tss.Orchestrations.Events;
using Tss.Orchestrations.Lots;
using Tss.Orchestrations.Mde;
using Tss.Pipeline.Hosting;
using Tss.Portal;
using Tss.Tenancy;

namespace Tss.Host;

/// <summary>
/// Builds the functions app: REST + SOAP for ERPs and the pipeline's queue listeners in one process. Used by
/// <c>Program</c> and, in-process, by tests and tools.
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

        builder.Services.AddTssClock(builder.Configuration);
        builder.Services.AddTssStorageBootstrap();
        builder.Services.AddTssDurable(builder.Configuration);
        builder.Services.AddTssTenancy();
        builder.Services.AddTssPipeline(builder.Configuration);
        builder.Services.AddTssLotOrchestration();
        builder.Services.AddTssEventOrchestration();
        builder.Services.AddTssMde(builder.Configuration);
        builder.Services.AddTssMdeOrchestration();
        builder.Services.AddTssDeliveryOrchestration();
        builder.Services.AddTssApiKeyAuthentication();
        builder.Services.AddTssApi();
        builder.Services.AddTssSoap();
        builder.Services.AddTssTelemetry(builder.Configuration);
        builder.Services.AddTssHealth();
        builder.Services.AddTssPortal(builder.Configuration);

        var app = builder.Build();
        app.UseTssApi();
        app.MapSubmissionApi();
        app.MapDocumentsApi();
        app.MapDanfeApi();
        app.MapCreditsApi();
        app.MapEventsApi();
        app.MapMdeApi();
        app.MapContingencyApi();
        app.MapTssSoap();
        app.MapDiagnosticsApi();
        app.MapTssHealth();
        app.MapTssPortal();
        return app;
    }
}
