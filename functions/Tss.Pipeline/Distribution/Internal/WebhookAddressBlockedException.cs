namespace Tss.Pipeline.Distribution.Internal;

/// <summary>A webhook host resolved to an address the SSRF policy refuses.</summary>
internal sealed class WebhookAddressBlockedException(string host) : Exception($"Webhook host {host} resolves to an address that is not allowed.")
{
}
