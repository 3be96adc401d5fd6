using Microsoft.Extensions.Options;
using Tss.Contracts.Refusals;
using Tss.Host.Auth;
using Tss.Host.Problems;
using Tss.Host.Submission;
using Tss.Pipeline.Events;
using Tss.Protocol;
using Tss.Protocol.Xml;

namespace Tss.Host.Soap;

/// <summary>
/// In front of the SOAP endpoint, in this order: the API key (from the HTTP headers, checked by authentication
/// before this runs) must be valid, or the fault is written without reading the body; the body must fit
/// <see cref="SoapOptions.MaxRequestBytes"/>; it must pass <see cref="SafeXml"/> (UTF-8, no DTD, well-formed, depth
/// capped) — so hostile XML is refused with the same codes as REST and never reaches a serializer.
/// </summary>
public sealed class SoapInputGuard(RequestDelegate next, IOptions<SoapOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            await next(context).ConfigureAwait(false);
            return;
        }
        if (context.User.Identity?.IsAuthenticated != true)
        {
            // Every operation needs the key; an anonymous body is never read, let alone parsed.
            var refusal = ApiKeyRefusal.Of(context);
            refusal.ApplyHeaders(context.Response);
            await SoapFaultWriter.WriteAsync(context, refusal.Status, refusal.Code, refusal.Detail).ConfigureAwait(false);
            return;
        }
        var max = options.Value.MaxRequestBytes;
        byte[] body;
        try
        {
            body = await SubmitBodyReader.ReadCappedAsync(context.Request, max, context.RequestAborted).ConfigureAwait(false);
            SafeXml.Load(body, max);
        }
        catch (RequestRefusedException e)
        {
            await SoapFaultWriter.WriteAsync(context, e.Status, e.Code, e.Message).ConfigureAwait(false);
            return;
        }
        catch (XmlInputException e)
        {
            await SoapFaultWriter.WriteAsync(context, e.Code == ProtocolErrorCodes.Xml.TooLarge ? 413 : 400, e.Code, e.Message).ConfigureAwait(false);
            return;
        }
        context.Request.Body = new MemoryStream(body, writable: false);
        context.Request.ContentLength = body.Length;
        await next(context).ConfigureAwait(false);
    }
}
