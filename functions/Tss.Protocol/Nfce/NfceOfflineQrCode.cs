using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml;
using Tss.Protocol.Messages;

namespace Tss.Protocol.Nfce;

/// <summary>
/// The QR code of an NFC-e issued off-line (tpEmis 9, PROTOCOL.md §10), which carries what the consumer needs to check
/// the sale without SEFAZ having seen it:
/// <list type="bullet">
/// <item>v2 (with the company's CSC): <c>url?p=chNFe|2|tpAmb|dia|vNF|hex(DigestValue)|cIdToken|hash</c>, the hash being
/// UPPER(hex(SHA1(everything before it + CSC))) as on-line;</item>
/// <item>v3 (NT 2025.001, no CSC): <c>url?p=chNFe|3|tpAmb|dia|vNF|tp_idDest|cDest|assinatura</c>, assinatura being the
/// Base64 RSA signature (PKCS#1 v1.5, SHA-1) of the text before it with the issuer's certificate.</item>
/// </list>
/// <c>dia</c> is the day of <c>dhEmi</c> as written (2 digits), <c>vNF</c> the total with 2 decimals, <c>hex(DigestValue)</c>
/// the lower-case hex of the ASCII of the Base64 DigestValue of the NF-e's signature (56 digits), <c>tp_idDest</c> 1 CNPJ,
/// 2 CPF, 3 foreign (both <c>tp_idDest</c> and <c>cDest</c> empty when the NFC-e has no identified consumer). The DigestValue
/// is only known once <c>infNFe</c> is signed, so this supplement is added after signing (the signature covers only
/// <c>infNFe</c>).
/// </summary>
public static class NfceOfflineQrCode
{
    /// <summary>The fields the off-line QR code repeats from the NF-e.</summary>
    /// <param name="chNFe">Access key (tpEmis 9 in digit 35).</param>
    /// <param name="tpAmb">1 production, 2 homologation.</param>
    /// <param name="Dia">Day of dhEmi, "01".."31".</param>
    /// <param name="vNF">Total of the NF-e with 2 decimals ("12.50").</param>
    /// <param name="TpIdDest">"1" CNPJ, "2" CPF, "3" foreign, "" no consumer.</param>
    /// <param name="CDest">The consumer's CNPJ or CPF, "" otherwise.</param>
    public sealed record Fields(string chNFe, int tpAmb, string Dia, string vNF, string TpIdDest, string CDest);

    /// <summary>Reads the fields from an NFe element (signed or not).</summary>
    /// <exception cref="ArgumentException">No infNFe, ide/dhEmi or total/ICMSTot/vNF.</exception>
    public static Fields Read(XmlElement nfe, string chNFe)
    {
        ArgumentNullException.ThrowIfNull(nfe);
        var inf = nfe["infNFe", NfeNamespaces.Nfe] ?? throw new ArgumentException("NFe has no infNFe.", nameof(nfe));
        var dhEmi = inf["ide", NfeNamespaces.Nfe]?["dhEmi", NfeNamespaces.Nfe]?.InnerText;
        var vNF = inf["total", NfeNamespaces.Nfe]?["ICMSTot", NfeNamespaces.Nfe]?["vNF", NfeNamespaces.Nfe]?.InnerText;
        if (dhEmi is not { Length: >= 10 } || vNF is null || !decimal.TryParse(vNF, NumberStyles.Number, CultureInfo.InvariantCulture, out var total))
        {
            throw new ArgumentException("NFe without ide/dhEmi or total/ICMSTot/vNF.", nameof(nfe));
        }
        var tpAmb = int.Parse(inf["ide", NfeNamespaces.Nfe]!["tpAmb", NfeNamespaces.Nfe]?.InnerText ?? "2", CultureInfo.InvariantCulture);
        var dest = inf["dest", NfeNamespaces.Nfe];
        var (tp, id) = dest switch
        {
            null => ("", ""),
            _ when dest["CNPJ", NfeNamespaces.Nfe] is { } cnpj => ("1", cnpj.InnerText),
            _ when dest["CPF", NfeNamespaces.Nfe] is { } cpf => ("2", cpf.InnerText),
            _ => ("3", ""),
        };
        return new Fields(chNFe, tpAmb, dhEmi.Substring(8, 2), total.ToString("0.00", CultureInfo.InvariantCulture), tp, id);
    }

    /// <summary>lower-case hex of the ASCII bytes of the Base64 DigestValue.</summary>
    public static string DigestHex(string digestValue) =>
        Convert.ToHexStringLower(Encoding.ASCII.GetBytes(digestValue ?? throw new ArgumentNullException(nameof(digestValue))));

    /// <summary>The v2 off-line parameters before the hash: chNFe|2|tpAmb|dia|vNF|hex(DigestValue)|cIdToken.</summary>
    public static string SequenceV2(Fields f, string digestValue, NfceCsc csc)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(csc);
        return $"{f.chNFe}|2|{f.tpAmb}|{f.Dia}|{f.vNF}|{DigestHex(digestValue)}|{csc.QrId}";
    }

    /// <summary>The v3 off-line text the issuer signs: chNFe|3|tpAmb|dia|vNF|tp_idDest|cDest.</summary>
    public static string SignedTextV3(Fields f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return $"{f.chNFe}|3|{f.tpAmb}|{f.Dia}|{f.vNF}|{f.TpIdDest}|{f.CDest}";
    }

    /// <summary>The v3 off-line signature: Base64 of RSA PKCS#1 v1.5 over SHA-1 of the UTF-8 text.</summary>
    /// <exception cref="ArgumentException">The certificate has no RSA private key.</exception>
    public static string SignV3(string text, X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(certificate);
        using var rsa = certificate.GetRSAPrivateKey() ?? throw new ArgumentException("The certificate has no RSA private key.", nameof(certificate));
        // SHA-1 is what the layout prescribes (as for the XML signature); interoperability, not a choice of ours.
#pragma warning disable CA5350
        return Convert.ToBase64String(rsa.SignData(Encoding.UTF8.GetBytes(text), HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1));
#pragma warning restore CA5350
    }

    /// <summary>Whether <paramref name="signatureBase64"/> is the issuer's v3 signature of <paramref name="text"/>.</summary>
    public static bool VerifyV3(string text, string signatureBase64, X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(certificate);
        using var rsa = certificate.GetRSAPublicKey();
        var signature = new byte[((signatureBase64?.Length ?? 0) * 3 / 4) + 3];
        if (rsa is null || !Convert.TryFromBase64String(signatureBase64 ?? "", signature, out var length))
        {
            return false;
        }
#pragma warning disable CA5350
        return rsa.VerifyData(Encoding.UTF8.GetBytes(text), signature.AsSpan(0, length), HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1);
#pragma warning restore CA5350
    }

    /// <summary>The off-line QR code text (v2 with a CSC, else v3 signed with <paramref name="certificate"/>).</summary>
    public static string Build(Fields f, string uf, string digestValue, NfceCsc? csc, X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(f);
        if (f.chNFe is not { Length: 44 } || f.chNFe[34] != '9')
        {
            throw new ArgumentException("An off-line NFC-e key carries tpEmis 9.", nameof(f));
        }
        var (url, _) = NfceQrCode.UrlsFor(uf, f.tpAmb);
        if (csc is not null)
        {
            var sequence = SequenceV2(f, digestValue, csc);
            return $"{url}?p={sequence}|{NfceQrCode.Hash(sequence, csc.Token)}";
        }
        var text = SignedTextV3(f);
        return $"{url}?p={text}|{SignV3(text, certificate)}";
    }

    /// <summary>
    /// Adds the off-line <c>infNFeSupl</c> to a signed NFC-e (after <c>infNFe</c>, before the signature); returns false and
    /// changes nothing when it already has one (the ERP built it).
    /// </summary>
    public static bool AddTo(XmlElement nfe, string chNFe, string uf, string digestValue, NfceCsc? csc, X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(nfe);
        var children = nfe.ChildNodes.OfType<XmlElement>().ToList();
        if (children.Any(e => e.LocalName == "infNFeSupl" && e.NamespaceURI == NfeNamespaces.Nfe))
        {
            return false;
        }
        var fields = Read(nfe, chNFe);
        var qrCode = Build(fields, uf, digestValue, csc, certificate);
        NfceQrCode.Insert(nfe, nfe["infNFe", NfeNamespaces.Nfe]!, qrCode, NfceQrCode.UrlsFor(uf, fields.tpAmb).UrlChave);
        return true;
    }
}
