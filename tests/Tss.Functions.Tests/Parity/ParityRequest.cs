namespace Tss.Functions.Tests.Parity;

/// <summary>One request of the parity table, as sent to either side.</summary>
public sealed record ParityRequest(string Method, string PathAndQuery, string? ApiKey, string? ContentType = null, byte[]? Body = null, string? IdempotencyKey = null, string? SoapAction = null)
{
    public static ParityRequest Get(string path, string? apiKey) => new("GET", path, apiKey);

    public static ParityRequest Post(string path, string? apiKey, string contentType, string body, string? idempotencyKey = null) =>
        new("POST", path, apiKey, contentType, System.Text.Encoding.UTF8.GetBytes(body), idempotencyKey);

    /// <summary>A SOAP call of <paramref name="operation"/> (SOAP 1.1, SOAPAction header).</summary>
    public static ParityRequest Soap(string? apiKey, string operation, string envelope) =>
        new("POST", "/soap/nfe", apiKey, "text/xml; charset=utf-8", System.Text.Encoding.UTF8.GetBytes(envelope), SoapAction: $"\"{SoapNamespace}/NfeService/{operation}\"");

    /// <summary>The SOAP service's namespace.</summary>
    public const string SoapNamespace = "urn:tss-functions:nfe:v1";

    public string Path => PathAndQuery.Split('?')[0];

    public string Query => PathAndQuery.Contains('?', StringComparison.Ordinal) ? PathAndQuery[PathAndQuery.IndexOf('?', StringComparison.Ordinal)..] : "";
}
