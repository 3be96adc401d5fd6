using System.Text;
using Microsoft.AspNetCore.Http;

namespace Tss.Sefaz.Client.Tests.Infrastructure;

/// <summary>SEFAZ-shaped answers for the fake server: golden fixtures wrapped in a SOAP 1.2 envelope.</summary>
public static class Answers
{
    public static string Fixture(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Responses", name));

    /// <summary>The envelope as the authorizers send it: declaration, soap prefix, xsi/xsd, nfeResultMsg wrapper.</summary>
    public static string Envelope(string service, string answerXml) =>
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\" " +
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\"><soap:Body>" +
        $"<nfeResultMsg xmlns=\"http://www.portalfiscal.inf.br/nfe/wsdl/{service}\">{answerXml}</nfeResultMsg></soap:Body></soap:Envelope>";

    public static string Fault(string reason) =>
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Body>" +
        "<soap:Fault><soap:Code><soap:Value>soap:Receiver</soap:Value></soap:Code>" +
        $"<soap:Reason><soap:Text xml:lang=\"pt-BR\">{reason}</soap:Text></soap:Reason></soap:Fault></soap:Body></soap:Envelope>";

    public static Func<HttpContext, Task> Soap(string envelope, int status = 200) => context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/soap+xml; charset=utf-8";
        return context.Response.WriteAsync(envelope, Encoding.UTF8, context.RequestAborted);
    };

    public static Func<HttpContext, Task> Text(string body, string contentType, int status = 200) => context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(body, Encoding.UTF8, context.RequestAborted);
    };
}
