namespace Tss.Protocol.Messages;

/// <summary>
/// Builders for the payloads the client sends (the content of nfeDadosMsg): unformatted, no XML declaration,
/// default namespace only (SEFAZ rejects prefixes and edit characters).
/// </summary>
public static class NfeRequests
{
    /// <summary>enviNFe 4.00 with idLote (1–15 digits), indSinc and the already signed NFe elements (each without declaration).</summary>
    public static string EnviNFe(long idLote, bool indSinc, IEnumerable<string> signedNfe) => throw new NotImplementedException();

    /// <summary>consReciNFe 4.00.</summary>
    public static string ConsReciNFe(int tpAmb, string nRec) => throw new NotImplementedException();

    /// <summary>consStatServ 4.00 (xServ=STATUS).</summary>
    public static string ConsStatServ(int tpAmb, int cUF) => throw new NotImplementedException();

    /// <summary>consSitNFe 4.00 (xServ=CONSULTAR).</summary>
    public static string ConsSitNFe(int tpAmb, string chNFe) => throw new NotImplementedException();
}
