namespace Tss.Sefaz.Client;

/// <summary>Why a SEFAZ call produced no SEFAZ answer. Stable names; logged and returned as "sefaz.{name}".</summary>
public enum SefazErrorCode
{
    /// <summary>No endpoint for this UF/model/environment/service.</summary>
    NoEndpoint,
    /// <summary>TCP/TLS connection could not be established within the connect timeout.</summary>
    ConnectFailed,
    /// <summary>The TLS handshake failed (server not trusted, client certificate refused).</summary>
    TlsFailure,
    /// <summary>No complete answer within the read timeout: the outcome of the request is unknown.</summary>
    Timeout,
    /// <summary>HTTP status other than 200 without a SOAP fault.</summary>
    HttpStatus,
    /// <summary>A SOAP Fault answer.</summary>
    SoapFault,
    /// <summary>The body is not XML, not a SOAP envelope, or not the expected answer.</summary>
    MalformedResponse,
    /// <summary>The answer exceeded the response size cap.</summary>
    ResponseTooLarge,
}
