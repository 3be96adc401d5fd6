using Tss.Contracts.Refusals;
using Tss.Pipeline.Events;
using Tss.Pipeline.Queries;
using Tss.Tenancy;

namespace Tss.Host.Problems;

/// <summary>Turns request-level refusals thrown by handlers into ProblemDetails with their code.</summary>
public static class RejectionFilter
{
    public static async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (RequestRefusedException e)
        {
            Tss.Host.Log.Refused(Logger(context), context.HttpContext.User.FindFirst(Auth.TenantClaims.TenantId)?.Value, e.Code);
            return ApiProblem.Create(e.Status, e.Code, e.Message);
        }
        catch (InvalidContinuationTokenException e)
        {
            return ApiProblem.Create(400, InvalidContinuationTokenException.Code, e.Message);
        }
        catch (TenancyException e)
        {
            // The entity's stored certificate cannot be used (operator problem): say which, not why in detail.
            Tss.Host.Log.Refused(Logger(context), context.HttpContext.User.FindFirst(Auth.TenantClaims.TenantId)?.Value, e.Code);
            return ApiProblem.Create(500, e.Code, "O certificado da empresa não está disponível no serviço; contate o suporte.");
        }
    }

    private static ILogger Logger(EndpointFilterInvocationContext context) =>
        context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Tss.Host.Api");
}
