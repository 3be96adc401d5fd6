using System.Net;
using Tss.DevTools.Pki;

namespace Tss.Trust.Tests;

/// <summary>Stands in for a CA's HTTP repository: serves <see cref="TestCertificateAuthority.BuildCrl"/> and counts the downloads.</summary>
internal sealed class CrlHandler(TestCertificateAuthority ca, Func<TestCertificateAuthority, byte[]>? crl = null) : HttpMessageHandler
{
    public int Downloads { get; private set; }
    public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Downloads++;
        var response = new HttpResponseMessage(Status);
        if (Status == HttpStatusCode.OK)
        {
            response.Content = new ByteArrayContent((crl ?? (c => c.BuildCrl()))(ca));
        }
        return Task.FromResult(response);
    }
}
