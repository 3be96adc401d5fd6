using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Tss.Sefaz.Client.Internal;

/// <summary>
/// One pooled <see cref="SocketsHttpHandler"/> per client certificate (keyed by its SHA-256 thumbprint), because the TLS
/// client certificate is fixed per connection pool. Each handler keeps its own copy of the certificate so the caller
/// may dispose theirs; everything is disposed with the owner.
/// </summary>
internal sealed class ClientCertificateHandlers(SefazClientOptions options, ServerCertificateTrust trust) : IDisposable
{
    /// <summary>Connections are recycled so DNS changes at the authorizers are picked up.</summary>
    public static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, Lazy<(HttpClient Client, X509Certificate2 Certificate)>> _byThumbprint = new(StringComparer.Ordinal);
    private volatile bool _disposed;

    public HttpClient For(X509Certificate2 certificate)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!certificate.HasPrivateKey)
        {
            throw new ArgumentException("The client certificate has no private key.", nameof(certificate));
        }
        var thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        return _byThumbprint.GetOrAdd(thumbprint, _ => new Lazy<(HttpClient, X509Certificate2)>(() => Create(certificate))).Value.Client;
    }

    /// <summary>Number of distinct client certificates with a pool (for tests and diagnostics).</summary>
    public int Count => _byThumbprint.Count;

    private (HttpClient, X509Certificate2) Create(X509Certificate2 certificate)
    {
        var own = new X509Certificate2(certificate);
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = options.ConnectTimeout,
            PooledConnectionLifetime = PooledConnectionLifetime,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        handler.SslOptions.ClientCertificates = [own];
        // Always offer this certificate, even when the server's list of acceptable issuers does not name its CA.
        handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => own;
        handler.SslOptions.RemoteCertificateValidationCallback = trust.Validate;
        var client = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        return (client, own);
    }

    public void Dispose()
    {
        _disposed = true;
        foreach (var entry in _byThumbprint.Values.Where(l => l.IsValueCreated))
        {
            entry.Value.Client.Dispose();
            entry.Value.Certificate.Dispose();
        }
        _byThumbprint.Clear();
    }
}
