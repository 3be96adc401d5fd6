using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tss.DevTools.Pki;

namespace Tss.Testing.Pki;

/// <summary>
/// Publishes test CAs' CRLs over plain HTTP on loopback, as an ICP-Brasil AC publishes its LCR: <c>/crl/{name}.crl</c>,
/// built fresh from the CA on every request (so a revocation shows in the next download). Counts the downloads.
/// </summary>
public sealed class CrlServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, TestCertificateAuthority> _authorities = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _downloads = new(StringComparer.Ordinal);

    private CrlServer(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    public static async Task<CrlServer> StartAsync(CancellationToken ct = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new CrlServer(app);
        app.MapGet("/crl/{name}.crl", (string name) =>
        {
            if (!server._authorities.TryGetValue(name, out var ca))
            {
                return Results.NotFound();
            }
            server._downloads.AddOrUpdate(name, 1, (_, n) => n + 1);
            return Results.Bytes(ca.BuildCrl(), "application/pkix-crl");
        });
        await app.StartAsync(ct).ConfigureAwait(false);
        server.BaseUri = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return server;
    }

    /// <summary>Serves <paramref name="ca"/>'s CRL under <paramref name="name"/> and makes the CA name that URL in what it issues from now on.</summary>
    public Uri Publish(string name, TestCertificateAuthority ca)
    {
        ArgumentNullException.ThrowIfNull(ca);
        _authorities[name] = ca;
        var url = UrlFor(name);
        ca.CrlUrl = url;
        return url;
    }

    /// <summary>Where <paramref name="name"/>'s CRL is (or would be) served.</summary>
    public Uri UrlFor(string name) => new(BaseUri, $"crl/{name}.crl");

    /// <summary>How many times <paramref name="name"/>'s CRL was downloaded.</summary>
    public int Downloads(string name) => _downloads.GetValueOrDefault(name);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
