namespace Tss.Danfe;

/// <summary>Receipt roll width of the DANFE NFC-e.</summary>
public enum NfcePaper
{
    /// <summary>80 mm roll (the usual one).</summary>
    Mm80 = 80,
    /// <summary>58 mm roll.</summary>
    Mm58 = 58,
}
