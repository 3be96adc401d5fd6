namespace Tss.Pipeline.Events;

/// <summary>The identity of an event at SEFAZ.</summary>
public sealed record EventKey(string chNFe, string tpEvento, int nSeqEvento);
