using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Tss.Pipeline.Telemetry;
using Tss.Sefaz.Client;

namespace Tss.Functions.Hosting;

/// <summary>
/// OpenTelemetry for the Functions worker: the pipeline's and the SEFAZ client's sources and meters, HttpClient
/// instrumentation, logs with trace ids. Exported to Application Insights through the Azure Monitor exporter when
/// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set, and/or over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is;
/// with neither, nothing leaves the process. (The Functions host's own telemetry goes to Application Insights by itself.)
/// </summary>
public static class FunctionsTelemetry
{
    /// <summary>The service name when <c>OTEL_SERVICE_NAME</c> is not set.</summary>
    public const string DefaultServiceName = "tss-functions";

    /// <summary>The setting that turns the Azure Monitor exporter on.</summary>
    public const string ApplicationInsightsSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public static IServiceCollection AddTssFunctionsTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var azureMonitor = configuration[ApplicationInsightsSetting] is { Length: > 0 } connectionString ? connectionString : null;
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        services.Configure<LoggerFactoryOptions>(o =>
            o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : DefaultServiceName))
            .WithTracing(t =>
            {
                t.AddSource(PipelineTelemetry.Name, SefazClientTelemetry.Name)
                    .AddHttpClientInstrumentation(o => o.FilterHttpRequestMessage = request => !request.Headers.Contains("x-ms-client-request-id"));
                if (azureMonitor is not null)
                {
                    t.AddAzureMonitorTraceExporter(o => o.ConnectionString = azureMonitor);
                }
                if (otlp)
                {
                    t.AddOtlpExporter();
                }
            })
            .WithMetrics(m =>
            {
                m.AddMeter(PipelineTelemetry.Name, SefazClientTelemetry.Name).AddHttpClientInstrumentation();
                if (azureMonitor is not null)
                {
                    m.AddAzureMonitorMetricExporter(o => o.ConnectionString = azureMonitor);
                }
                if (otlp)
                {
                    m.AddOtlpExporter();
                }
            })
            .WithLogging(l =>
            {
                if (azureMonitor is not null)
                {
                    l.AddAzureMonitorLogExporter(o => o.ConnectionString = azureMonitor);
                }
                if (otlp)
                {
                    l.AddOtlpExporter();
                }
            }, o => o.IncludeScopes = true);
        return services;
    }
}
