namespace Tss.Sefaz.Client;

/// <summary>The one exception type of the SEFAZ boundary. A SEFAZ rejection (cStat) is never an exception.</summary>
public sealed class SefazException : Exception
{
    public SefazException(SefazErrorCode code, string message, Exception? inner = null) : base(message, inner) => Code = code;

    public SefazErrorCode Code { get; }

    /// <summary>HTTP status when one was received.</summary>
    public int? HttpStatus { get; init; }

    /// <summary>True when the request may have reached SEFAZ (timeouts, 5xx after sending): reconcile before resending.</summary>
    public bool OutcomeUnknown { get; init; }

    /// <summary>
    /// True when the request provably never reached SEFAZ's service: no endpoint, the connection could not be
    /// established, or the TLS handshake failed before a byte of the request was written (SEFAZ refused our client
    /// certificate during the handshake, or we refused its server certificate). SEFAZ cannot have counted such a call
    /// (consumption limits). False for everything else, including a connection dropped after the request was written.
    /// </summary>
    public bool NotSent { get; init; }
}
