namespace Tss.Pipeline.Lots;

/// <summary>
/// Which authorizer a lot goes to, read from its documents' keys: tpEmis (digit 35) 6 → SVC-AN, 7 → SVC-RS, anything
/// else → the UF's own. The assembler never puts documents of different tpEmis in one lot, so the first key decides for
/// all; send, receipt poll and consultation of the lot all go there.
/// </summary>
public static class LotAuthorizer
{
    /// <summary>Digit 35 of the key (1 when the key is not a 44-digit one).</summary>
    public static int TpEmis(string chNFe) =>
        chNFe is { Length: 44 } && char.IsAsciiDigit(chNFe[34]) ? chNFe[34] - '0' : 1;

    /// <summary>"SVC-AN"/"SVC-RS" for a contingency tpEmis, null for the normal authorizer.</summary>
    public static string? Svc(int tpEmis) => tpEmis switch
    {
        6 => "SVC-AN",
        7 => "SVC-RS",
        _ => null,
    };

    /// <summary>The SVC of a lot's documents, null when they go to the UF's own authorizer.</summary>
    public static string? Svc(LotRecord lot)
    {
        ArgumentNullException.ThrowIfNull(lot);
        var comma = lot.Keys.IndexOf(',', StringComparison.Ordinal);
        return Svc(TpEmis(comma < 0 ? lot.Keys : lot.Keys[..comma]));
    }
}
