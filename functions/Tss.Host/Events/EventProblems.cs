using Tss.Host.Problems;
using Tss.Pipeline.Events;

namespace Tss.Host.Events;

/// <summary>Maps the pipeline's refusals of event, inutilização and consultation requests to HTTP (and SOAP) errors.</summary>
public static class EventProblems
{
    public static int StatusOf(RequestRefusedException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Kind switch
        {
            RefusalKind.Invalid => StatusCodes.Status400BadRequest,
            RefusalKind.NotFound => StatusCodes.Status404NotFound,
            RefusalKind.Conflict => StatusCodes.Status409Conflict,
            _ when e.Code == "sefaz.timeout" => StatusCodes.Status504GatewayTimeout,
            _ when e.Code == "sefaz.no_endpoint" => StatusCodes.Status422UnprocessableEntity,
            _ => StatusCodes.Status502BadGateway,
        };
    }

    /// <summary>The same refusal as the host's exception (for <see cref="RejectionFilter"/> and the SOAP fault transformer).</summary>
    public static RequestRejectedException ToRejected(RequestRefusedException e) => new(StatusOf(e), e.Code, e.Message);

    /// <summary>Endpoint filter: a <see cref="RequestRefusedException"/> becomes a ProblemDetails with its code (inside <see cref="RejectionFilter"/>).</summary>
    public static async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (RequestRefusedException e)
        {
            throw ToRejected(e);
        }
    }

    /// <summary>Runs a pipeline call, turning its refusal into the host's (for SOAP operations).</summary>
    public static async Task<T> Run<T>(Func<Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (RequestRefusedException e)
        {
            throw ToRejected(e);
        }
    }
}
