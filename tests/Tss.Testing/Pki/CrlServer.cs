using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tss.DevTools.Http;
using Tss.DevTools.Pki;

namespace Tss.Testing.Pki;

/// <summary>
/// Publishes test CAs' CRLs over plain HTTP on loopback, as an ICP-Brasil AC publishes its LCR: <c>/crl/{name}.crl</c>,
/// built fresh from the CA on every request (so a revocation shows in the next download). Counts the downloads.
/// </summary>
public sealed class CrlServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, TestCertificateAuthority> _authorities = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _downloads = new(StringComparer.Ordinal);
    private LoopbackServer _server = null!;

    public Uri BaseUri => _server.BaseUri;

    public static async Task<CrlServer> StartAsync(CancellationToken ct = default)
    {
        var server = new CrlServer();
        server._server = await LoopbackServer.StartAsync(app => app.MapGet("/crl/{name}.crl", (string name) =>
        {
            if (!server._authorities.TryGetValue(name, out var ca))
            {
                return Results.NotFound();
            }
            server._downloads.AddOrUpdate(name, 1, (_, n) => n + 1);
            return Results.Bytes(ca.BuildCrl(), "application/pkix-crl");
        }), ct).ConfigureAwait(false);
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

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
