namespace Tss.Mde.Protocol;

/// <summary>What a received document is (by its root element).</summary>
public enum DocumentType
{
    /// <summary>resNFe: summary of an NF-e addressed to the company (full XML after manifestação).</summary>
    ResNFe,

    /// <summary>nfeProc: the full authorized NF-e.</summary>
    ProcNFe,

    /// <summary>resEvento: summary of an event (e.g. the emitter's cancellation).</summary>
    ResEvento,

    /// <summary>procEventoNFe: a full event with its registration.</summary>
    ProcEventoNFe,

    /// <summary>A docZip that could not be read (kept as received so its NSU is not lost).</summary>
    Unreadable,
}
