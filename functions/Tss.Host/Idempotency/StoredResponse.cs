namespace Tss.Host.Idempotency;

/// <summary>An answer kept for replay: status, content type and body exactly as first sent.</summary>
public sealed record StoredResponse(int StatusCode, string ContentType, string Body);
