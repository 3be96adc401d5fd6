using Microsoft.Extensions.Options;
using Tss.Host.Problems;
using Tss.Host.Submission;
using Tss.Pipeline;
using Tss.Protocol.Xml;

namespace Tss.Host.Soap;

/// <summary>
/// In front of the SOAP endpoint: a POST body passes the size cap and <see cref="SafeXml"/> (UTF-8, no DTD, well-formed)
/// before SoapCore reads it, so hostile XML is refused with the same codes as REST and never reaches a serializer.
/// </summary>
public sealed class SoapInputGuard(RequestDelegate next, IOptions<PipelineOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            await next(context).ConfigureAwait(false);
            return;
        }
        var max = options.Value.MaxRequestBytes;
        byte[] body;
        try
        {
            body = await SubmitBodyReader.ReadCappedAsync(context.Request, max, context.RequestAborted).ConfigureAwait(false);
            SafeXml.Load(body, max);
        }
        catch (RequestRejectedException e)
        {
            await SoapFaultWriter.WriteAsync(context, e.Status, e.Code, e.Message).ConfigureAwait(false);
            return;
        }
        catch (XmlInputException e)
        {
            await SoapFaultWriter.WriteAsync(context, e.Code == XmlErrorCodes.TooLarge ? 413 : 400, e.Code, e.Message).ConfigureAwait(false);
            return;
        }
        context.Request.Body = new MemoryStream(body, writable: false);
        context.Request.ContentLength = body.Length;
        await next(context).ConfigureAwait(false);
    }
}
