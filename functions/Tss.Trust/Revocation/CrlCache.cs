using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Tss.Trust.Revocation;

/// <summary>
/// Revocation status from CRLs: configured CRL files first, then (online) the certificate's http distribution points.
/// A downloaded CRL is kept until its nextUpdate and shared by concurrent callers (one download per URL at a time);
/// downloads are bounded in time and size, never follow redirects, and a failed URL is not asked again for a while.
/// The URLs come from certificates whose chain was already verified, so they are the CAs', not the uploader's.
/// </summary>
internal sealed class CrlCache : IDisposable
{
    /// <summary>Tolerated clock difference with the CA when reading thisUpdate.</summary>
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    /// <summary>How long a CRL without nextUpdate (non-conforming) is reused.</summary>
    private static readonly TimeSpan NoNextUpdateReuse = TimeSpan.FromHours(1);

    private readonly TrustAnchorOptions _options;
    private readonly List<CertificateRevocationList> _files = [];
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, Lazy<Task<Fetched>>> _byUrl = new(StringComparer.Ordinal);

    public CrlCache(TrustAnchorOptions options, IEnumerable<(string File, byte[] Der)> files, HttpMessageHandler? handler, TimeProvider time, ILogger logger)
    {
        _options = options;
        _time = time;
        _logger = logger;
        foreach (var (file, der) in files)
        {
            if (CertificateRevocationList.TryParse(der, out var crl, out var error))
            {
                _files.Add(crl!);
            }
            else
            {
                Log.CrlUnusable(logger, new Uri(Path.GetFullPath(file)), error ?? "unreadable");
            }
        }
        _http = new HttpClient(handler ?? new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectTimeout = options.CrlTimeout,
            AutomaticDecompression = DecompressionMethods.None,
        }, disposeHandler: true)
        { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>The status of <paramref name="certificate"/> as its <paramref name="issuer"/>'s CRL says at <paramref name="at"/>.</summary>
    public async Task<RevocationAnswer> StatusAsync(X509Certificate2 certificate, X509Certificate2 issuer, DateTimeOffset at, bool online, CancellationToken ct)
    {
        foreach (var crl in _files)
        {
            if (IsCurrent(crl, at) && crl.IsIssuedBy(issuer))
            {
                return Answer(crl, certificate, "configured CRL file");
            }
        }
        if (!online)
        {
            return new(RevocationState.Unknown, "no current CRL file for " + issuer.Subject);
        }
        var urls = CrlDistributionPoints.HttpUrls(certificate);
        if (urls.Count == 0)
        {
            return new(RevocationState.Unknown, "the certificate names no http CRL distribution point");
        }
        var reasons = new List<string>();
        foreach (var url in urls)
        {
            var fetched = await GetAsync(url, at, ct).ConfigureAwait(false);
            if (fetched.Crl is not { } crl)
            {
                reasons.Add($"{url}: {fetched.Error}");
            }
            else if (!IsCurrent(crl, at))
            {
                reasons.Add($"{url}: CRL not current (thisUpdate {crl.ThisUpdate:O}, nextUpdate {crl.NextUpdate:O})");
            }
            else if (!crl.IsIssuedBy(issuer))
            {
                reasons.Add($"{url}: CRL not signed by {issuer.Subject}");
            }
            else
            {
                return Answer(crl, certificate, url.ToString());
            }
        }
        return new(RevocationState.Unknown, string.Join("; ", reasons));
    }

    private static RevocationAnswer Answer(CertificateRevocationList crl, X509Certificate2 certificate, string source) =>
        crl.Lists(certificate)
            ? new(RevocationState.Revoked, $"serial {certificate.SerialNumber} is on the CRL ({source})")
            : new(RevocationState.Good, source);

    private static bool IsCurrent(CertificateRevocationList crl, DateTimeOffset at) =>
        crl.ThisUpdate <= at + Skew && (crl.NextUpdate is null || at < crl.NextUpdate);

    /// <summary>The cached CRL of <paramref name="url"/>, downloaded again when past its nextUpdate (or after a failure pause).</summary>
    private async Task<Fetched> GetAsync(Uri url, DateTimeOffset at, CancellationToken ct)
    {
        var key = url.AbsoluteUri;
        while (true)
        {
            var lazy = _byUrl.GetOrAdd(key, _ => new Lazy<Task<Fetched>>(() => FetchAsync(url)));
            var task = lazy.Value;
            if (task.IsCompletedSuccessfully && IsStale(task.Result, at))
            {
                _byUrl.TryRemove(new KeyValuePair<string, Lazy<Task<Fetched>>>(key, lazy));
                continue;
            }
            return await task.WaitAsync(ct).ConfigureAwait(false);
        }
    }

    private bool IsStale(Fetched fetched, DateTimeOffset at)
    {
        var now = _time.GetUtcNow();
        if (fetched.Crl is not { } crl)
        {
            return now - fetched.At >= _options.CrlRetryAfterFailure;
        }
        return crl.NextUpdate is { } next ? at >= next && now - fetched.At >= _options.CrlRetryAfterFailure : now - fetched.At >= NoNextUpdateReuse;
    }

    /// <summary>One bounded download; never throws (a failure is an answer, cached for the retry pause).</summary>
    private async Task<Fetched> FetchAsync(Uri url)
    {
        var started = _time.GetUtcNow();
        try
        {
            // Not the caller's token: the download is shared by every caller waiting for this URL.
            using var timeout = new CancellationTokenSource(_options.CrlTimeout);
            using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return Failed(url, started, $"HTTP {(int)response.StatusCode}");
            }
            if (response.Content.Headers.ContentLength > _options.CrlMaxBytes)
            {
                return Failed(url, started, $"larger than {_options.CrlMaxBytes} bytes");
            }
            var body = await ReadCappedAsync(response.Content, timeout.Token).ConfigureAwait(false);
            if (body is null)
            {
                return Failed(url, started, $"larger than {_options.CrlMaxBytes} bytes");
            }
            var der = Pem(body) ?? body;
            if (!CertificateRevocationList.TryParse(der, out var crl, out var error))
            {
                return Failed(url, started, error ?? "unreadable");
            }
            Log.CrlFetched(_logger, url, crl!.Count, crl.NextUpdate, body.Length);
            return new Fetched(crl, null, started);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            return Failed(url, started, e is OperationCanceledException ? $"no answer within {_options.CrlTimeout.TotalSeconds:0} s" : e.Message);
        }
    }

    private Fetched Failed(Uri url, DateTimeOffset at, string reason)
    {
        Log.CrlUnusable(_logger, url, reason);
        return new Fetched(null, reason, at);
    }

    private async Task<byte[]?> ReadCappedAsync(HttpContent content, CancellationToken ct)
    {
        await using var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > _options.CrlMaxBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>Some CAs serve the CRL as PEM; the DER inside it, or null when it is not PEM.</summary>
    private static byte[]? Pem(byte[] body)
    {
        if (body.Length == 0 || body[0] != (byte)'-')
        {
            return null;
        }
        var text = Encoding.ASCII.GetString(body);
        return System.Security.Cryptography.PemEncoding.TryFind(text, out var fields) && text[fields.Label] == "X509 CRL"
            ? Convert.FromBase64String(text[fields.Base64Data])
            : null;
    }

    public void Dispose() => _http.Dispose();

    private sealed record Fetched(CertificateRevocationList? Crl, string? Error, DateTimeOffset At);
}
