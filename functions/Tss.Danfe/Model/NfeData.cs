namespace Tss.Danfe.Model;

/// <summary>Everything a DANFE prints, read once from the procNFe.</summary>
/// <param name="Key">The 44-digit access key.</param>
/// <param name="QrCode">infNFeSupl/qrCode (NFC-e), trimmed.</param>
/// <param name="UrlChave">infNFeSupl/urlChave (NFC-e).</param>
/// <param name="Protocol">The authorization; null only for an NFC-e issued off-line (tpEmis 9) still pending authorization.</param>
internal sealed record NfeData(
    string Key, Ide Ide, Party Emitente, Party? Destinatario, IReadOnlyList<Item> Items, Totals Totals, IbsCbsTotals? IbsCbs, IssqnTotals? Issqn,
    Transport Transport, Invoice? Invoice, IReadOnlyList<Payment> Payments, decimal vTroco, string? infCpl, string? infAdFisco, Authorization? Protocol,
    string? QrCode, string? UrlChave);
