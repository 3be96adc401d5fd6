using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml;
using Tss.Sefaz.Simulator.Core;

namespace Tss.Sefaz.Simulator.Nfce;

/// <summary>
/// What the normal authorizer checks when an NFC-e issued off-line (tpEmis 9) is transmitted later: the 24 h limit after
/// dhEmi (704, see below) and the off-line QR code, whose fields must repeat the NF-e (397 otherwise) —
/// v2 <c>chNFe|2|tpAmb|dia|vNF|hex(DigestValue)|cIdToken|hash</c> with the CSC hash (462/463/464 as on-line), v3
/// <c>chNFe|3|tpAmb|dia|vNF|tp_idDest|cDest|assinatura</c> with the issuer's RSA-SHA1 signature verified against the
/// certificate that signed the NF-e (464 when it does not verify).
/// </summary>
/// <remarks>
/// Assumption: no stored manual names the cStat for an off-line NFC-e transmitted after its 24 h; 704 ("NFC-e com
/// Data-Hora de emissão atrasada", the on-line lateness rejection) is used for it.
/// </remarks>
public static class NfceOfflineCheck
{
    /// <summary>Rejeição: NFC-e com Data-Hora de emissão atrasada (used here for the 24 h off-line limit; assumption).</summary>
    public const int Late = 704;

    /// <summary>How long after dhEmi an off-line NFC-e is still accepted.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromHours(24);

    /// <summary>0 when the off-line NFC-e may be authorized, else the rejection cStat.</summary>
    public static int Check(string? qrCode, XmlElement infNFe, string chNFe, int tpAmb, string? digestValue, X509Certificate2 signer,
        CscRegistry cscs, DateTimeOffset dhRecbto)
    {
        ArgumentNullException.ThrowIfNull(infNFe);
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(cscs);
        var dhEmiText = NfeXml.Text(infNFe, "ide", "dhEmi");
        if (!DateTimeOffset.TryParse(dhEmiText, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dhEmi))
        {
            return 225;
        }
        if (dhRecbto > dhEmi + Limit)
        {
            return Late;
        }
        if (qrCode is null)
        {
            return NfceQrCodeCheck.Missing;
        }
        var marker = qrCode.IndexOf("?p=", StringComparison.Ordinal);
        if (marker < 0)
        {
            return NfceQrCodeCheck.ParameterMissing;
        }
        var fields = qrCode[(marker + 3)..].Split('|');
        if (fields.Length < 3)
        {
            return NfceQrCodeCheck.ParameterMissing;
        }
        var vNF = decimal.TryParse(NfeXml.Text(infNFe, "total", "ICMSTot", "vNF"), NumberStyles.Number, CultureInfo.InvariantCulture, out var total)
            ? total.ToString("0.00", CultureInfo.InvariantCulture)
            : "";
        var expected = new[] { chNFe, fields[1], tpAmb.ToString(CultureInfo.InvariantCulture), dhEmiText![8..10], vNF };
        return fields[1] switch
        {
            "2" when fields.Length == 8 => Same(fields, expected) ? Version2(fields, digestValue, NfeXml.Text(infNFe, "emit", "CNPJ"), cscs) : NfceQrCodeCheck.ParameterDiverges,
            "3" when fields.Length == 8 => Same(fields, expected) ? Version3(fields, infNFe, signer) : NfceQrCodeCheck.ParameterDiverges,
            _ => NfceQrCodeCheck.ParameterMissing,
        };
    }

    private static bool Same(string[] fields, string[] expected) =>
        expected.Select((e, i) => string.Equals(fields[i], e, StringComparison.Ordinal)).All(same => same);

    private static int Version2(string[] fields, string? digestValue, string? emitCnpj, CscRegistry cscs)
    {
        // chNFe|2|tpAmb|dia|vNF|hex(digVal)|cIdToken|hash
        var digestHex = digestValue is null ? "" : Convert.ToHexString(Encoding.ASCII.GetBytes(digestValue));
        if (!string.Equals(fields[5], digestHex, StringComparison.OrdinalIgnoreCase))
        {
            return NfceQrCodeCheck.ParameterDiverges;
        }
        if (!int.TryParse(fields[6], NumberStyles.None, CultureInfo.InvariantCulture, out var idCsc))
        {
            return NfceQrCodeCheck.ParameterMissing;
        }
        if (emitCnpj is null || cscs.Find(emitCnpj, idCsc) is not { } registered)
        {
            return NfceQrCodeCheck.CscUnknown;
        }
        if (registered.Revoked)
        {
            return NfceQrCodeCheck.CscRevoked;
        }
        var hash = NfceQrCodeCheck.Hash(string.Join('|', fields, 0, 7), registered.Csc);
        return string.Equals(hash, fields[7], StringComparison.OrdinalIgnoreCase) ? 0 : NfceQrCodeCheck.HashDiffers;
    }

    private static int Version3(string[] fields, XmlElement infNFe, X509Certificate2 signer)
    {
        // chNFe|3|tpAmb|dia|vNF|tp_idDest|cDest|assinatura
        var dest = NfeXml.Child(infNFe, "dest");
        var (tp, id) = dest is null ? ("", "")
            : NfeXml.Text(dest, "CNPJ") is { } cnpj ? ("1", cnpj)
            : NfeXml.Text(dest, "CPF") is { } cpf ? ("2", cpf)
            : ("3", "");
        if (fields[5] != tp || fields[6] != id)
        {
            return NfceQrCodeCheck.ParameterDiverges;
        }
        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(fields[7]);
        }
        catch (FormatException)
        {
            return NfceQrCodeCheck.ParameterMissing;
        }
        using var rsa = signer.GetRSAPublicKey();
        var text = Encoding.UTF8.GetBytes(string.Join('|', fields, 0, 7));
#pragma warning disable CA5350 // the layout prescribes SHA-1
        var valid = rsa is not null && rsa.VerifyData(text, signature, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1);
#pragma warning restore CA5350
        return valid ? 0 : NfceQrCodeCheck.HashDiffers;
    }
}
