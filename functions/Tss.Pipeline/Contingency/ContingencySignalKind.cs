using System.Text.Json.Serialization;

namespace Tss.Pipeline.Contingency;

/// <summary>What was seen at the normal authorizer.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ContingencySignalKind>))]
public enum ContingencySignalKind
{
    /// <summary>NFeStatusServico4 answered 107.</summary>
    StatusInOperation,
    /// <summary>NFeStatusServico4 answered 108/109.</summary>
    StatusParalysed,
    /// <summary>NFeAutorizacao4 answered 108/109.</summary>
    SendParalysed,
    /// <summary>No SEFAZ answer: connection refused/reset, TLS failure, HTTP 5xx, malformed body.</summary>
    TransportFailure,
    /// <summary>No answer within the read timeout.</summary>
    Timeout,
    /// <summary>Any other SEFAZ answer to a send or poll: the authorizer is alive.</summary>
    Answered,
    /// <summary>
    /// The UF's SVC answered 113 (being deactivated) or 114 (deactivated by the UF): SEFAZ itself ended the contingency,
    /// so the UF's own authorizer is back; documents must go there again.
    /// </summary>
    SvcDeactivated,
}
