using Tss.Protocol.AccessKeys;
namespace Tss.Pipeline.Events;

/// <summary>The identity of an event at SEFAZ.</summary>
public sealed record EventKey(AccessKey Key, string tpEvento, int nSeqEvento);
