using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tss.Host;
using Tss.Host.Soap;
using Tss.Runtime.Queues;

namespace Tss.Functions.Tests;

/// <summary>
/// What the local host serves, discovered rather than listed: its REST routes (from its endpoint data sources), the
/// queues its handlers listen to (keyed <see cref="IQueueHandler{TMessage}"/> registrations) and every orchestrator
/// and activity class of the product assemblies.
/// </summary>
internal static class ProductSurface
{
    /// <summary>The local host, built (never started) with default configuration, and its service registrations.</summary>
    private static readonly Lazy<(WebApplication App, IServiceCollection Services)> Host = new(() =>
    {
        IServiceCollection? services = null;
        var app = TssHostApp.Build([], b =>
        {
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:ConnectionString"] = "UseDevelopmentStorage=true" });
            services = b.Services;
        });
        return (app, services!);
    });

    /// <summary>Every REST route (under /api/) as (METHOD, route without leading or trailing slash).</summary>
    public static IReadOnlyList<(string Method, string Route)> RestRoutes() =>
        [.. ((IEndpointRouteBuilder)Host.Value.App).DataSources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => (m, Normalize(e.RoutePattern.RawText!))))
            .Distinct()
            .OrderBy(r => r.Item2, StringComparer.Ordinal)];

    /// <summary>The SOAP endpoint's path without leading slash.</summary>
    public static string SoapRoute => Normalize(SoapServiceCollectionExtensions.Path);

    /// <summary>The queues the local host's listeners serve (the keys of the queue handlers).</summary>
    public static IReadOnlyList<string> ListenedQueues() => [.. Host.Value.Services
        .Where(d => d.IsKeyedService && d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IQueueHandler<>))
        .Select(d => (string)d.ServiceKey!).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>Every concrete TaskOrchestrator / TaskActivity class of the product (all Tss.* assemblies beside the tests).</summary>
    public static IReadOnlyList<Type> DurableClasses(Type openBase) => [.. ProductAssemblies()
        .SelectMany(a => a.GetTypes())
        .Where(t => t is { IsClass: true, IsAbstract: false } && DerivesFrom(t, openBase))
        .OrderBy(t => t.Name, StringComparer.Ordinal)];

    public static Type Orchestrator => typeof(TaskOrchestrator<,>);

    public static Type Activity => typeof(TaskActivity<,>);

    public static string Normalize(string route) => route.Trim('/');

    private static bool DerivesFrom(Type type, Type openBase)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == openBase)
            {
                return true;
            }
        }
        return false;
    }

    private static IEnumerable<Assembly> ProductAssemblies() =>
        Directory.EnumerateFiles(AppContext.BaseDirectory, "Tss.*.dll")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(n => n is not null && !n.EndsWith(".Tests", StringComparison.Ordinal) && n != "Tss.Testing")
            .Select(n => Assembly.Load(n!));
}
