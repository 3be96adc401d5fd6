using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Options;

namespace Tss.Pipeline.Distribution.Internal;

/// <summary>
/// Calls tenants' webhooks: one POST, signed, short timeouts, redirects not followed, no proxy, response body read
/// up to a cap, every resolved address checked by <see cref="WebhookAddressPolicy"/> at connect time.
/// </summary>
internal sealed class WebhookClient : IDisposable
{
    private readonly DistributionOptions _o;
    private readonly HttpClient _http;

    public WebhookClient(IOptions<DistributionOptions> options)
    {
        _o = options.Value;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = _o.WebhookConnectTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxResponseHeadersLength = 16, // KiB
            ConnectCallback = ConnectAsync,
        };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("TSS-Functions-Webhook/1.0");
    }

    /// <summary>Sends <paramref name="body"/> to <paramref name="url"/>; never throws for the target's failures.</summary>
    public async Task<AttemptResult> SendAsync(
        Uri url, string? secret, string deliveryId, int attempt, byte[] body, DateTimeOffset now, CancellationToken ct)
    {
        if (WebhookAddressPolicy.CheckUrl(url, _o) is { } refused)
        {
            return AttemptResult.Fatal(null, refused, 0);
        }
        if (string.IsNullOrEmpty(secret))
        {
            return AttemptResult.Fatal(null, "secret_missing", 0); // unsigned deliveries would be forgeable
        }
        var timestamp = now.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.DeliveryHeader, deliveryId);
        request.Headers.Add(WebhookSignature.AttemptHeader, attempt.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Compute(secret, timestamp, body));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_o.WebhookTimeout); // network time is real time, whatever the pipeline clock
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var excerpt = await ReadCappedAsync(response.Content, _o.WebhookMaxResponseBytes, timeout.Token).ConfigureAwait(false);
            var code = (int)response.StatusCode;
            if (code is >= 200 and < 300)
            {
                return AttemptResult.Ok(code, watch.ElapsedMilliseconds);
            }
            var error = code is >= 300 and < 400 ? $"http_{code}: redirect not followed" : $"http_{code}";
            return AttemptResult.Transient(code, excerpt.Length == 0 ? error : $"{error}: {excerpt}", watch.ElapsedMilliseconds);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return AttemptResult.Transient(null, "timeout", watch.ElapsedMilliseconds);
        }
        catch (HttpRequestException e) when (Find<WebhookAddressBlockedException>(e) is { } blocked)
        {
            return AttemptResult.Fatal(null, "address_blocked: " + blocked.Message, watch.ElapsedMilliseconds);
        }
        catch (HttpRequestException e)
        {
            return AttemptResult.Transient(null, $"connection_failed: {e.HttpRequestError}", watch.ElapsedMilliseconds);
        }
    }

    public void Dispose() => _http.Dispose();

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct).ConfigureAwait(false);
        // Refuse the host if any of its addresses is refused: a name mixing public and internal addresses is an attack.
        if (addresses.Length == 0 || addresses.Any(a => !WebhookAddressPolicy.IsAllowed(a, _o)))
        {
            throw new WebhookAddressBlockedException(host);
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Up to <paramref name="max"/> bytes of the body as printable text (the rest is never read).</summary>
    private static async Task<string> ReadCappedAsync(HttpContent content, int max, CancellationToken ct)
    {
        if (max == 0)
        {
            return "";
        }
        var buffer = new byte[max];
        var read = 0;
        await using var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        while (read < max)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read, max - read), ct).ConfigureAwait(false);
            if (n == 0)
            {
                break;
            }
            read += n;
        }
        var text = Encoding.UTF8.GetString(buffer, 0, read);
        var clean = new string([.. text.Select(c => char.IsControl(c) ? ' ' : c)]).Trim();
        return clean.Length > 200 ? clean[..200] : clean;
    }

    private static T? Find<T>(Exception e) where T : Exception
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x is T found)
            {
                return found;
            }
        }
        return null;
    }
}
