using System.Security;

namespace Tss.Host.Soap;

/// <summary>A SOAP 1.1 fault written without SoapCore, for input refused before it reaches the endpoint (same detail shape).</summary>
public static class SoapFaultWriter
{
    public static async Task WriteAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/xml; charset=utf-8";
        var text = SecurityElement.Escape(message);
        await context.Response.WriteAsync(
            "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><s:Fault>" +
            "<faultcode>s:Client</faultcode>" +
            $"<faultstring xml:lang=\"pt-BR\">{text}</faultstring>" +
            $"<detail><TssFault xmlns=\"{SoapNamespaces.Nfe}\"><Code>{SecurityElement.Escape(code)}</Code><Message>{text}</Message></TssFault></detail>" +
            "</s:Fault></s:Body></s:Envelope>", context.RequestAborted).ConfigureAwait(false);
    }
}
