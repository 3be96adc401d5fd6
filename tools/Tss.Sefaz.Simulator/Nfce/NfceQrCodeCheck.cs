using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Tss.Sefaz.Simulator.Nfce;

/// <summary>
/// The NFC-e (model 65) QR code checks SEFAZ runs on NFeAutorizacao4, on <c>infNFeSupl/qrCode</c> (outside the signed
/// infNFe): 394 no infNFeSupl; 396 a parameter missing or ill-formed; 397 a parameter that differs from the NF-e (key,
/// tpAmb); for QR code v2, 462 CSC id not registered for the emitter, 463 CSC revoked, 464 hash differs.
/// Forms accepted: v2 on-line <c>url?p=chNFe|2|tpAmb|cIdToken|hash</c>, hash = UPPER(hex(SHA1(UTF-8("chNFe|2|tpAmb|cIdToken" + CSC)))),
/// and v3 on-line <c>url?p=chNFe|3|tpAmb</c> (NT 2025.001, no CSC).
/// </summary>
public static partial class NfceQrCodeCheck
{
    /// <summary>Rejeição: Nota Fiscal sem a informação do QR-Code.</summary>
    public const int Missing = 394;
    /// <summary>Rejeição: Parâmetro do QR-Code inexistente.</summary>
    public const int ParameterMissing = 396;
    /// <summary>Rejeição: Parâmetro do QR-Code divergente da Nota Fiscal.</summary>
    public const int ParameterDiverges = 397;
    /// <summary>Rejeição: Código Identificador do CSC no QR-Code não cadastrado na SEFAZ.</summary>
    public const int CscUnknown = 462;
    /// <summary>Rejeição: Código Identificador do CSC no QR-Code foi revogado pela empresa.</summary>
    public const int CscRevoked = 463;
    /// <summary>Rejeição: Código de Hash no QR-Code difere do calculado.</summary>
    public const int HashDiffers = 464;

    private const string ParameterMarker = "?p=";

    /// <summary>Checks the QR code of a model-65 NF-e whose key and signature already passed; 0 when it is right.</summary>
    /// <param name="qrCode">The text of infNFeSupl/qrCode, or null when the NF-e has no infNFeSupl.</param>
    /// <param name="chNFe">The NF-e's access key (infNFe@Id).</param>
    /// <param name="tpAmb">The NF-e's ide/tpAmb.</param>
    /// <param name="emitCnpj">emit/CNPJ (null for a CPF emitter, which then has no CSC).</param>
    /// <param name="cscs">The CSCs registered per emitter.</param>
    public static int Check(string? qrCode, string chNFe, int tpAmb, string? emitCnpj, CscRegistry cscs)
    {
        ArgumentNullException.ThrowIfNull(chNFe);
        ArgumentNullException.ThrowIfNull(cscs);
        if (qrCode is null)
        {
            return Missing;
        }

        var marker = qrCode.IndexOf(ParameterMarker, StringComparison.Ordinal);
        if (marker < 0)
        {
            // The v1 long form (?chNFe=…&nVersao=100…) is obsolete: its parameters are not where SEFAZ now reads them.
            return ParameterMissing;
        }

        var fields = qrCode[(marker + ParameterMarker.Length)..].Split('|');
        if (fields.Length < 3 || !KeyShape().IsMatch(fields[0]))
        {
            return ParameterMissing;
        }

        if (!string.Equals(fields[0], chNFe, StringComparison.Ordinal))
        {
            return ParameterDiverges;
        }

        if (fields[1] is not ("2" or "3"))
        {
            return ParameterMissing;
        }

        // The off-line forms (tpEmis 9, digit 35 of the key) are checked by NfceOfflineCheck; here they lack parameters.
        if (chNFe.Length == 44 && chNFe[34] == '9')
        {
            return ParameterMissing;
        }

        if (fields[2] is not ("1" or "2"))
        {
            return ParameterMissing;
        }

        if (fields[2][0] - '0' != tpAmb)
        {
            return ParameterDiverges;
        }

        return fields[1] == "3"
            ? (fields.Length == 3 ? 0 : ParameterMissing)
            : CheckVersion2(fields, emitCnpj, cscs);
    }

    /// <summary>The v2 on-line hash: UPPER(hex(SHA1(UTF-8(<paramref name="sequence"/> + <paramref name="csc"/>)))).</summary>
    /// <param name="sequence">"chNFe|2|tpAmb|cIdToken".</param>
    public static string Hash(string sequence, string csc)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        ArgumentNullException.ThrowIfNull(csc);
        // SHA-1 is what the NFC-e QR code layout prescribes; this is interoperability, not a security choice of ours.
#pragma warning disable CA5350
        return Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(sequence + csc)));
#pragma warning restore CA5350
    }

    private static int CheckVersion2(string[] fields, string? emitCnpj, CscRegistry cscs)
    {
        // chNFe|2|tpAmb|cIdToken|hash, cIdToken a number without leading zeros (1–6 digits), hash 40 hex digits.
        if (fields.Length != 5 || !IdToken().IsMatch(fields[3]) || !HashShape().IsMatch(fields[4]))
        {
            return ParameterMissing;
        }

        var idCsc = int.Parse(fields[3], System.Globalization.CultureInfo.InvariantCulture);
        if (emitCnpj is null || cscs.Find(emitCnpj, idCsc) is not { } registered)
        {
            return CscUnknown;
        }

        if (registered.Revoked)
        {
            return CscRevoked;
        }

        var expected = Hash(string.Join('|', fields, 0, 4), registered.Csc);
        return string.Equals(expected, fields[4], StringComparison.OrdinalIgnoreCase) ? 0 : HashDiffers;
    }

    [GeneratedRegex("^[0-9]{6}[0-9A-Z]{12}[0-9]{26}$")]
    private static partial Regex KeyShape();

    [GeneratedRegex("^(0|[1-9][0-9]{0,5})$")]
    private static partial Regex IdToken();

    [GeneratedRegex("^[0-9A-Fa-f]{40}$")]
    private static partial Regex HashShape();
}
