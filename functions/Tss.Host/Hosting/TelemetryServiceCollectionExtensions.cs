using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Tss.Pipeline.Telemetry;
using Tss.Sefaz.Client;

namespace Tss.Host.Hosting;

/// <summary>
/// OpenTelemetry for the host: the pipeline's and the SEFAZ client's sources and meters, ASP.NET Core and HttpClient
/// instrumentation, logs carrying trace and span ids. Exported over OTLP only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
/// is set (the standard <c>OTEL_*</c> variables configure the exporter); otherwise nothing leaves the process.
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The service name when <c>OTEL_SERVICE_NAME</c> is not set.</summary>
    public const string DefaultServiceName = "tss-host";

    public static IServiceCollection AddTssTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<PipelineTelemetryOptions>().BindConfiguration(PipelineTelemetryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<QueueDepthGauge>();
        services.AddHostedService<QueueDepthGaugeStarter>();
        // Every log record and scope carries the current trace and span: logs join their traces in any backend.
        services.Configure<LoggerFactoryOptions>(o =>
            o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);

        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : DefaultServiceName))
            .WithTracing(t =>
            {
                t.AddSource(PipelineTelemetry.Name, SefazClientTelemetry.Name)
                    .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                    // Azure SDK requests (storage polling, Key Vault) would be most spans and say little: left out.
                    .AddHttpClientInstrumentation(o => o.FilterHttpRequestMessage = request => !request.Headers.Contains("x-ms-client-request-id"));
                if (otlp)
                {
                    t.AddOtlpExporter();
                }
            })
            .WithMetrics(m =>
            {
                m.AddMeter(PipelineTelemetry.Name, SefazClientTelemetry.Name)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation();
                if (otlp)
                {
                    m.AddOtlpExporter();
                }
            })
            .WithLogging(l =>
            {
                if (otlp)
                {
                    l.AddOtlpExporter();
                }
            }, o => o.IncludeScopes = true);
        return services;
    }

    /// <summary>Creates the queue-depth gauge when the host starts (it registers its instrument in its constructor).</summary>
    private sealed class QueueDepthGaugeStarter(QueueDepthGauge gauge) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            GC.KeepAlive(gauge);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
