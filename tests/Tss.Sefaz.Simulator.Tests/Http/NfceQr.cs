using System.Security;
using System.Security.Cryptography;
using System.Text;

namespace Tss.Sefaz.Simulator.Tests.Http;

/// <summary>NFC-e QR codes written by hand, as an issuer builds them, and their insertion into a signed NFC-e.</summary>
internal static class NfceQr
{
    public const string Url = "https://www.homologacao.nfce.fazenda.sp.gov.br/qrcode";
    public const string UrlChave = "https://www.homologacao.nfce.fazenda.sp.gov.br/consulta";

    /// <summary>v3 on-line: url?p=chNFe|3|tpAmb.</summary>
    public static string V3(string chNFe, int tpAmb = 2) => $"{Url}?p={chNFe}|3|{tpAmb}";

    /// <summary>v2 on-line: url?p=chNFe|2|tpAmb|cIdToken|UPPER(hex(SHA1(chNFe|2|tpAmb|cIdToken + CSC))).</summary>
    public static string V2(string chNFe, int idCsc, string csc, int tpAmb = 2)
    {
        var sequence = $"{chNFe}|2|{tpAmb}|{idCsc}";
        return $"{Url}?p={sequence}|{Sha1Upper(sequence + csc)}";
    }

    /// <summary>UPPER(hex(SHA1(UTF-8(text)))), written here independently of the simulator.</summary>
    public static string Sha1Upper(string text)
    {
        // The QR code layout prescribes SHA-1.
#pragma warning disable CA5350
        return Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5350
    }

    /// <summary>
    /// Inserts infNFeSupl between infNFe and Signature. infNFeSupl is outside the signed infNFe, so the signature stays
    /// valid.
    /// </summary>
    public static string WithQrCode(string signedNfe, string qrCode)
    {
        var at = signedNfe.IndexOf("<Signature", StringComparison.Ordinal);
        Assert.True(at > 0, "the NF-e is not signed");
        var supl = $"<infNFeSupl><qrCode>{SecurityElement.Escape(qrCode)}</qrCode><urlChave>{UrlChave}</urlChave></infNFeSupl>";
        return signedNfe.Insert(at, supl);
    }
}
