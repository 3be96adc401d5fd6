namespace Tss.Sefaz.Simulator.Faults;

/// <summary>What a fault does to the exchanges it matches.</summary>
public enum FaultKind
{
    /// <summary>Adds <see cref="FaultSpec.LatencyMs"/> before or after processing.</summary>
    Latency,
    /// <summary>Holds the request for <see cref="FaultSpec.TimeoutSeconds"/> and aborts the connection without answering.</summary>
    Timeout,
    /// <summary>Answers <see cref="FaultSpec.StatusCode"/> (5xx) with <see cref="FaultSpec.Body"/>.</summary>
    HttpError,
    /// <summary>Answers a broken body: truncated XML or an HTML page (<see cref="FaultSpec.Malformed"/>).</summary>
    Malformed,
    /// <summary>108/109 window: enviNFe and consStatServ answer <see cref="FaultSpec.cStat"/> until cleared.</summary>
    Paralysis,
    /// <summary>Forces <see cref="FaultSpec.cStat"/> on the next documents processed (or on <see cref="FaultSpec.chNFe"/>).</summary>
    Rejection,
}
