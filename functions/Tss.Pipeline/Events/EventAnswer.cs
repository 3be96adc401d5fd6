using Tss.Protocol.Messages;

namespace Tss.Pipeline.Events;

/// <summary>What became of one sent (or reconciled) event; applied to storage by the batch steps.</summary>
internal abstract record EventAnswer(EventRecord Event)
{
    /// <summary>Registered (135/136/155): the procEventoNFe to store.</summary>
    public sealed record Done(EventRecord E, RetEvento Ret, string ProcEventoNFe) : EventAnswer(E);

    /// <summary>Refused by SEFAZ (or given up): final, nothing changed at SEFAZ.</summary>
    public sealed record Refused(EventRecord E, int? cStat, string xMotivo, DateTimeOffset? dhRegEvento) : EventAnswer(E);

    /// <summary>Not registered and safe to send again: pending in its batch.</summary>
    public sealed record Again(EventRecord E) : EventAnswer(E);

    public static EventAnswer Registered(EventRecord e, RetEvento ret, string proc) => new Done(e, ret, proc);

    public static EventAnswer Rejected(EventRecord e, int? cStat, string xMotivo, DateTimeOffset? dhRegEvento) => new Refused(e, cStat, xMotivo, dhRegEvento);

    public static EventAnswer Retry(EventRecord e) => new Again(e);
}
