using System.Net;
using System.Security.Authentication;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Tss.Sefaz.Simulator.Core;

namespace Tss.Sefaz.Simulator.Hosting.Internal;

/// <summary>Two endpoints: HTTPS SOAP with a required client certificate, and plain-HTTP admin on loopback.</summary>
internal static class KestrelSetup
{
    public static void Configure(KestrelServerOptions kestrel, SimulatorOptions options, SimulatorCertificates certificates)
    {
        kestrel.AddServerHeader = false;
        // Headroom above 500 KB so oversized messages are read and answered with 214, as SEFAZ does.
        kestrel.Limits.MaxRequestBodySize = Math.Max(options.MaxMessageBytes * 4L, 4 * 1024 * 1024);
        kestrel.Listen(IPAddress.Parse(options.SoapBindAddress), options.SoapPort, listen =>
        {
            listen.Protocols = HttpProtocols.Http1AndHttp2;
            listen.UseHttps(https =>
            {
                https.ServerCertificate = certificates.Server;
                https.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
                https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                https.CheckCertificateRevocation = false;
                https.ClientCertificateValidation = (certificate, _, _) =>
                {
                    var accepted = CertificateChains.ChainsTo(certificate, certificates.ClientCa);
                    if (!accepted)
                    {
                        Log.ClientCertificateRefused(kestrel.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(Log.Category));
                    }

                    return accepted;
                };
            });
        });
        kestrel.Listen(IPAddress.Loopback, options.AdminPort);
    }
}
