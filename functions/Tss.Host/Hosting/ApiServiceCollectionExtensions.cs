using Tss.Host.Idempotency;
using Tss.Host.Submission;
using Tss.Pipeline.Queries;

namespace Tss.Host.Hosting;

/// <summary>The REST API's services and middleware.</summary>
public static class ApiServiceCollectionExtensions
{
    public static IServiceCollection AddTssApi(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions.TryAdd("code", context.ProblemDetails.Status switch
            {
                StatusCodes.Status404NotFound => "route.not_found",
                StatusCodes.Status405MethodNotAllowed => "request.method_not_allowed",
                StatusCodes.Status500InternalServerError => "internal.error",
                var status => $"http.{status}",
            }));
        services.AddOpenApi();
        services.AddSingleton<EntityScope>();
        services.AddSingleton<SubmissionService>();
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<DocumentQueries>();
        services.AddSingleton<Documents.DanfeDownloads>();
        return services;
    }

    /// <summary>Error handling (unhandled errors become a 500 ProblemDetails with code internal.error), authentication, the OpenAPI document.</summary>
    public static WebApplication UseTssApi(this WebApplication app)
    {
        app.UseTssApiMiddleware();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapGet("/health", () => TypedResults.Ok(new { status = "ok" })).ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// The middleware in front of the REST and SOAP endpoints: unhandled errors become a 500 ProblemDetails (code
    /// internal.error), bodiless errors a ProblemDetails with a code, then API-key authentication and authorization.
    /// Shared by the local host and the Functions app's forwarding pipeline.
    /// </summary>
    public static IApplicationBuilder UseTssApiMiddleware(this IApplicationBuilder app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages(); // bodiless errors (unknown route, wrong method) become ProblemDetails with a code too
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
