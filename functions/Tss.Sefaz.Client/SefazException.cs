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
}
