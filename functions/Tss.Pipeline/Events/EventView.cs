namespace Tss.Pipeline.Events;

/// <summary>An event request as the ERP sees it (no XML).</summary>
public sealed record EventView(
    string chNFe,
    string tpEvento,
    int nSeqEvento,
    string Status,
    int? cStat,
    string? xMotivo,
    string? nProt,
    DateTimeOffset? dhRegEvento,
    string? xJust,
    string? xCorrecao,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    bool HasProcEventoNFe)
{
    public static EventView Of(EventRecord e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.chNFe, e.tpEvento, e.nSeqEvento, e.Status, e.cStat, e.xMotivo, e.nProt, e.dhRegEvento, e.xJust, e.xCorrecao,
            e.CreatedAt, e.UpdatedAt, !string.IsNullOrEmpty(e.ProcBlob));
    }
}

/// <summary>The answer to an event request: the event, and whether this request created it (false: an identical or
/// already registered one was found, nothing new was stored).</summary>
public sealed record EventRequestResult(EventView Event, bool Created);
