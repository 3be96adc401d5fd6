namespace Tss.Pipeline.Inutilizacao;

/// <summary>Where a request to void a number range stands.</summary>
public enum InutilizacaoStatus
{
    /// <summary>Signed and being sent (written before the send).</summary>
    Sending,
    /// <summary>Sent, but no answer came back: the range may be voided. Asking again resends the same signed request.</summary>
    Unknown,
    /// <summary>SEFAZ could not be reached before anything was sent; nothing happened.</summary>
    NotSent,
    /// <summary>102: voided; procInutNFe stored (absent only when SEFAZ answered a resend with 563, already voided).</summary>
    Voided,
    /// <summary>SEFAZ refused it (cStat/xMotivo); the numbers were not voided.</summary>
    Rejected,
}
