namespace Tss.Pipeline.Sync;

/// <summary>
/// What a document sent within its submitting request (indSinc=1) ended with: SEFAZ's final answer, or
/// <see cref="Processing"/> when the outcome is not known yet (timeout, 5xx after sending, 103/105, a retry ahead) and
/// the lot's orchestration carries on.
/// </summary>
/// <param name="Processing">No final outcome yet: the status is learned by polling or webhook.</param>
/// <param name="cStat">SEFAZ's status for the document (100/150 authorized, 110/301/302/303/205 denied, else rejected).</param>
/// <param name="xMotivo">SEFAZ's reason text.</param>
/// <param name="nProt">Authorization (or denial) protocol number.</param>
/// <param name="dhRecbto">When SEFAZ received it.</param>
/// <param name="HasProcNFe">The procNFe (nfeProc) is stored and downloadable.</param>
public sealed record SyncAnswer(bool Processing, int? cStat, string? xMotivo, string? nProt, DateTimeOffset? dhRecbto, bool HasProcNFe);
