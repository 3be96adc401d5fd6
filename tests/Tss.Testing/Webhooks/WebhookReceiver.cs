using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tss.DevTools.Http;

namespace Tss.Testing.Webhooks;

/// <summary>
/// A tenant's webhook endpoint on a real Kestrel (loopback, free port). It checks the HMAC itself (its own
/// HMAC-SHA256, not the product's helper), answers 401 to a bad signature, and can fail the first N calls, redirect,
/// or stall.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private LoopbackServer _server = null!;
    private int _failuresLeft;

    private WebhookReceiver(string secret) => Secret = secret;

    public string Secret { get; }

    public Uri Url => new(BaseUri, "hook?token=abc");

    public Uri BaseUri => _server.BaseUri;

    /// <summary>Every call to /hook, in arrival order.</summary>
    public ConcurrentQueue<ReceivedWebhook> Requests { get; } = new();

    /// <summary>Calls that reached /elsewhere (the redirect target).</summary>
    public int RedirectTargetHits;

    public int FailureStatus { get; set; } = 503;

    public bool Redirect { get; set; }

    public TimeSpan Stall { get; set; }

    public void FailNext(int count) => Interlocked.Exchange(ref _failuresLeft, count);

    public static async Task<WebhookReceiver> StartAsync(string secret)
    {
        var receiver = new WebhookReceiver(secret);
        receiver._server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/hook", receiver.HandleAsync);
            app.MapPost("/elsewhere", () =>
            {
                Interlocked.Increment(ref receiver.RedirectTargetHits);
                return Results.Ok();
            });
        });
        return receiver;
    }

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var timestamp = request.Headers["X-Tss-Timestamp"].ToString();
        var signature = request.Headers["X-Tss-Signature"].ToString();
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), (byte[])[.. Encoding.UTF8.GetBytes(timestamp + "."), .. body]));
        var verified = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature));
        Requests.Enqueue(new ReceivedWebhook(
            body, verified, request.Headers["X-Tss-Delivery"].ToString(),
            int.Parse(request.Headers["X-Tss-Attempt"].ToString(), CultureInfo.InvariantCulture),
            request.ContentType ?? "", request.QueryString.Value ?? ""));
        if (Stall > TimeSpan.Zero)
        {
            await Task.Delay(Stall);
        }
        if (!verified)
        {
            return Results.Unauthorized();
        }
        if (Redirect)
        {
            return Results.Redirect("/elsewhere", permanent: false, preserveMethod: true);
        }
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            return Results.Text(new string('x', 100_000), statusCode: FailureStatus); // a big error body: the client must cap it
        }
        return Results.Ok();
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
