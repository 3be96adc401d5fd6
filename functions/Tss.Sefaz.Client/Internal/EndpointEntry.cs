namespace Tss.Sefaz.Client.Internal;

/// <summary>One row of the endpoint table: the URL, the WSDL method (SOAP action suffix) and an optional caveat.</summary>
internal sealed record EndpointEntry(Uri Url, string Method, string? Note);
