using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tss.Sefaz.Client.Tests.Infrastructure;

/// <summary>
/// A real HTTPS server on 127.0.0.1 (Kestrel, random port) that demands a client certificate issued by the test CA and
/// answers with whatever the test decides. It records what it received. Not the simulator: a transport test double.
/// </summary>
public sealed class FakeSefaz : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeSefaz(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public List<ReceivedRequest> Requests { get; } = [];

    public static async Task<FakeSefaz> StartAsync(TestPki pki, Func<HttpContext, Task> respond, X509Certificate2? serverCertificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(https =>
        {
            https.ServerCertificate = serverCertificate ?? pki.Server;
            https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
            https.ClientCertificateValidation = (certificate, _, _) => certificate.Issuer == pki.Ca.Subject;
        })));
        var app = builder.Build();
        FakeSefaz? self = null;
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            lock (self!.Requests)
            {
                self.Requests.Add(new ReceivedRequest(
                    context.Request.Method,
                    context.Request.Path.Value ?? "",
                    context.Request.Headers.ContentType.ToString(),
                    body,
                    context.Connection.ClientCertificate?.GetCertHashString(HashAlgorithmName.SHA256)));
            }
            await respond(context);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new FakeSefaz(app, new Uri(address));
        return self;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>What the fake SEFAZ received.</summary>
public sealed record ReceivedRequest(string Method, string Path, string ContentType, string Body, string? ClientThumbprint);
