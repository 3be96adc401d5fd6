using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using Tss.Functions.Durable;
using Tss.Host.Hosting;
using Tss.Host.Soap;

namespace Tss.Functions.Http;

/// <summary>
/// What every HTTP function does: runs its request through the local host's own REST and SOAP pipeline (the same
/// middleware — error handling, API-key authentication and authorization —, the same SOAP guard and endpoint, the
/// same minimal-API handlers with their ProblemDetails codes, Idempotency-Key and size/SafeXml guards), built once
/// on the Functions app's container. The function's route only selects the function; the pipeline routes again,
/// exactly as the local host does, and writes the response on the request's own <see cref="HttpContext"/>.
/// </summary>
public sealed class ApiForwarder
{
    private readonly RequestDelegate _pipeline;
    private readonly BoundDurableClient _durable;
    private readonly IHttpContextAccessor _accessor;

    public ApiForwarder(IServiceProvider services, BoundDurableClient durable, IHttpContextAccessor accessor)
    {
        _durable = durable;
        _accessor = accessor;
        var app = new ApplicationBuilder(services);
        // The local host's order: routing first (WebApplication adds it), then its middleware, the SOAP branch, endpoints.
        app.UseRouting();
        app.UseTssApiMiddleware();
        app.UseTssSoapEndpoint();
        app.UseEndpoints(endpoints => endpoints.MapTssRestApi());
        _pipeline = app.Build();
    }

    /// <summary>Answers <paramref name="request"/>; the result is empty because the response is already written.</summary>
    public async Task<IActionResult> ForwardAsync(HttpRequest request, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        _durable.Bind(client);
        var context = request.HttpContext;
        // The Functions host matched its own endpoint for this function; routing skips matching when one is set.
        context.SetEndpoint(null);
        context.Request.RouteValues.Clear();
        // The SOAP service reads the caller through the accessor; make sure it sees this request's context.
        if (!ReferenceEquals(_accessor.HttpContext, context))
        {
            _accessor.HttpContext = context;
        }
        await _pipeline(context).ConfigureAwait(false);
        return new EmptyResult();
    }
}
