using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Tss.Functions.Http;

namespace Tss.Functions.Tests.Parity;

/// <summary>
/// Calls the Functions app's HTTP functions in-process as the Functions host would: the function whose trigger
/// (method and route template, read from its <see cref="HttpTriggerAttribute"/>) matches the request is created from
/// the app's container and invoked with a real <see cref="DefaultHttpContext"/>, then its result is executed.
/// </summary>
internal sealed class HttpFunctionInvoker(IServiceProvider services, DurableTaskClient client)
{
    private static readonly IReadOnlyList<(MethodInfo Method, string[] Verbs, TemplateMatcher Route, int Literals)> Functions =
        [.. typeof(ApiForwarder).Assembly.GetTypes().SelectMany(t => t.GetMethods())
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
            .Select(m => (Method: m, Trigger: m.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null)))
            .Where(f => f.Trigger is not null)
            .Select(f =>
            {
                var template = TemplateParser.Parse(f.Trigger!.Route!);
                return (f.Method, f.Trigger.Methods!.Select(v => v.ToUpperInvariant()).ToArray(), new TemplateMatcher(template, []),
                    template.Segments.Count(s => s.IsSimple && s.Parts[0].IsLiteral));
            })];

    /// <summary>The function that answers <paramref name="request"/>'s method and path (literal segments win, as in routing).</summary>
    public static MethodInfo? Match(ParityRequest request) => Functions
        .Where(f => f.Verbs.Contains(request.Method) && f.Route.TryMatch(request.Path, []))
        .OrderByDescending(f => f.Literals)
        .Select(f => f.Method)
        .FirstOrDefault();

    public async Task<ParityAnswer> SendAsync(ParityRequest request)
    {
        var function = Match(request) ?? throw new InvalidOperationException($"no HTTP function for {request.Method} {request.Path}");
        await using var scope = services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = request.Method;
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("func-tss.azurewebsites.net");
        context.Request.Path = request.Path;
        context.Request.QueryString = new QueryString(request.Query);
        context.Connection.RemoteIpAddress = IPAddress.Loopback;
        if (request.ApiKey is not null)
        {
            context.Request.Headers.Authorization = "Bearer " + request.ApiKey;
        }
        if (request.IdempotencyKey is not null)
        {
            context.Request.Headers["Idempotency-Key"] = request.IdempotencyKey;
        }
        if (request.SoapAction is not null)
        {
            context.Request.Headers["SOAPAction"] = request.SoapAction;
        }
        if (request.Body is not null)
        {
            context.Request.ContentType = request.ContentType;
            context.Request.ContentLength = request.Body.Length;
            context.Request.Body = new MemoryStream(request.Body);
        }
        using var body = new MemoryStream();
        context.Response.Body = body;

        var instance = ActivatorUtilities.CreateInstance(scope.ServiceProvider, function.DeclaringType!);
        var result = await (Task<IActionResult>)function.Invoke(instance, [context.Request, client])!;
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        return ParityAnswer.From(context.Response.StatusCode, context.Response.ContentType, body.ToArray(), context.Response.Headers.ContainsKey("Idempotent-Replayed"));
    }
}
