namespace Tss.Danfe;

/// <summary>What the XML alone cannot tell the renderer.</summary>
public sealed record DanfeRenderOptions
{
    /// <summary>Default options: not cancelled, 80 mm NFC-e roll.</summary>
    public static DanfeRenderOptions Default { get; } = new();

    /// <summary>The NF-e has a registered cancellation event (110111): the DANFE carries the cancellation stamp.</summary>
    public bool Cancelled { get; init; }

    /// <summary>Protocol of the cancellation event, printed with the stamp when known.</summary>
    public string? CancellationProtocol { get; init; }

    /// <summary>
    /// The EPEC registration of an NF-e issued in EPEC contingency (tpEmis 4) and not yet authorized: with it, a bare
    /// signed NFe (no protNFe) is printed, the protocol box showing the EPEC's protocol and the EPEC legend (the DANFE is
    /// printed at once, as the contingency allows). Ignored for a procNFe and for any other tpEmis.
    /// </summary>
    public DanfeEpec? Epec { get; init; }

    /// <summary>Roll width of a DANFE NFC-e (model 65); ignored for model 55.</summary>
    public NfcePaper NfcePaper { get; init; } = NfcePaper.Mm80;
}
