namespace Tss.Sefaz.Simulator.Contingency;

/// <summary>
/// Which contingency authorizer (SVC) serves each UF for NF-e (model 55) and the tpEmis each SVC accepts. Mapping per
/// sped-nfe Contingency.php (PROTOCOL.md §9): SVC-RS for AM, BA, GO, MA, MS, MT, PE, PR; SVC-AN for the others.
/// </summary>
public static class SvcMap
{
    /// <summary>The SVC of Ambiente Nacional: tpEmis 6.</summary>
    public const string SvcAn = "SVC-AN";

    /// <summary>The SVC of Rio Grande do Sul: tpEmis 7.</summary>
    public const string SvcRs = "SVC-RS";

    private static readonly HashSet<int> SvcRsUfs = [13, 29, 52, 21, 50, 51, 26, 41];

    private static readonly HashSet<int> AllUfs =
        [11, 12, 13, 14, 15, 16, 17, 21, 22, 23, 24, 25, 26, 27, 28, 29, 31, 32, 33, 35, 41, 42, 43, 50, 51, 52, 53];

    /// <summary>"SVC-AN" or "SVC-RS" for a UF code; null for an unknown code.</summary>
    public static string? For(int cUF) => AllUfs.Contains(cUF) ? SvcRsUfs.Contains(cUF) ? SvcRs : SvcAn : null;

    /// <summary>The canonical SVC name for a path segment (case-insensitive), or null when it names no SVC.</summary>
    public static string? Parse(string? name) =>
        string.Equals(name, SvcAn, StringComparison.OrdinalIgnoreCase) ? SvcAn
        : string.Equals(name, SvcRs, StringComparison.OrdinalIgnoreCase) ? SvcRs
        : null;

    /// <summary>The only tpEmis an SVC accepts: 6 at SVC-AN, 7 at SVC-RS.</summary>
    public static int TpEmis(string svc) => svc == SvcRs ? 7 : 6;

    /// <summary>Services an SVC answers: authorization, receipt, protocol query, status and events (cancel/CC-e).</summary>
    public static bool Offers(string payloadRoot) =>
        payloadRoot is "enviNFe" or "consReciNFe" or "consSitNFe" or "consStatServ" or "envEvento";
}
