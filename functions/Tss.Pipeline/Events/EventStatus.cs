namespace Tss.Pipeline.Events;

/// <summary>Where an event request stands.</summary>
public enum EventStatus
{
    /// <summary>Stored; waiting for a batch, or claimed by one (<see cref="EventRecord.BatchId"/>) and not being sent right now.</summary>
    Pending,
    /// <summary>Signed and claimed by a batch that was (or is about to be) sent; the outcome is not recorded yet.</summary>
    Sending,
    /// <summary>SEFAZ registered it (135, 136, 155): procEventoNFe stored.</summary>
    Registered,
    /// <summary>SEFAZ refused it (cStat/xMotivo); nothing changed at SEFAZ.</summary>
    Rejected,
}
