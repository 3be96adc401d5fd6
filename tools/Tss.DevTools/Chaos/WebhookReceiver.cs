using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tss.DevTools.Http;

namespace Tss.DevTools.Chaos;

/// <summary>
/// A tenant's webhook endpoint for chaos runs and crash tests: a small Kestrel app on loopback that answers 200 to
/// every POST and keeps what it received (the <c>X-Tss-Delivery</c> id and the documents of each body), so a run can
/// count deliveries received more than once.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    /// <summary>The delivery id header (the product's <c>WebhookSignature.DeliveryHeader</c>).</summary>
    public const string DeliveryHeader = "X-Tss-Delivery";

    private readonly ConcurrentQueue<WebhookReceipt> _receipts = new();
    private LoopbackServer _server = null!;

    /// <summary>Where tenants point their webhook (http://127.0.0.1:port/hook).</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>Every POST answered so far, in arrival order.</summary>
    public IReadOnlyList<WebhookReceipt> Receipts => [.. _receipts];

    public static async Task<WebhookReceiver> StartAsync(CancellationToken ct = default)
    {
        var receiver = new WebhookReceiver();
        receiver._server = await LoopbackServer.StartAsync(app => app.MapPost("/hook", (Func<HttpContext, Task<IResult>>)receiver.ReceiveAsync), ct).ConfigureAwait(false);
        receiver.Url = new Uri(receiver._server.BaseUri, "hook");
        return receiver;
    }

    private async Task<IResult> ReceiveAsync(HttpContext context)
    {
        using var json = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        var documents = json.RootElement.TryGetProperty("documents", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(d => new WebhookDocument(d.GetProperty("chNFe").GetString() ?? "", d.GetProperty("status").GetString() ?? "")).ToList()
            : [];
        var id = context.Request.Headers[DeliveryHeader].ToString();
        _receipts.Enqueue(new WebhookReceipt(id, documents, DateTimeOffset.UtcNow));
        return Results.Ok();
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

/// <summary>One webhook POST answered 200: its delivery id and the documents it carried.</summary>
public sealed record WebhookReceipt(string DeliveryId, IReadOnlyList<WebhookDocument> Documents, DateTimeOffset At);

/// <summary>A document of a webhook body.</summary>
public sealed record WebhookDocument(string chNFe, string Status);
