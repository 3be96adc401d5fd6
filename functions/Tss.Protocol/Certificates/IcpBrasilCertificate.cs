using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Tss.Protocol.Certificates.Internal;

namespace Tss.Protocol.Certificates;

/// <summary>Reads ICP-Brasil fields from certificates: the CNPJ (otherName 2.16.76.1.3.3) and CPF (2.16.76.1.3.1).</summary>
/// <remarks>
/// Issuers differ in the string type inside the otherName (OCTET STRING per DOC-ICP-04, but PrintableString and
/// UTF8String occur), so any of them is accepted; the content itself is checked strictly. A malformed extension yields
/// null, never an exception.
/// </remarks>
public static class IcpBrasilCertificate
{
    /// <summary>OID of the e-CNPJ otherName carrying the company's CNPJ.</summary>
    public const string CnpjOid = "2.16.76.1.3.3";
    /// <summary>OID of the e-CPF otherName whose content carries the holder's CPF (after the 8-digit birth date).</summary>
    public const string CpfOid = "2.16.76.1.3.1";
    /// <summary>OID of the e-CNPJ otherName with the responsible person's birth date, CPF, NIS, RG and issuer.</summary>
    public const string ResponsibleDataOid = "2.16.76.1.3.4";
    /// <summary>OID of the e-CNPJ otherName with the responsible person's name.</summary>
    public const string ResponsibleNameOid = "2.16.76.1.3.2";
    /// <summary>OID of the e-CNPJ otherName with the company's CEI (INSS) number.</summary>
    public const string CeiOid = "2.16.76.1.3.7";

    private const string SubjectAltNameOid = "2.5.29.17";

    /// <summary>The CNPJ (14 characters) in the SubjectAltName otherName, or null.</summary>
    /// <remarks>Digits, or the alphanumeric CNPJ (12 characters 0-9/A-Z then 2 check digits) issued from 2026.</remarks>
    public static string? GetCnpj(X509Certificate2 certificate)
    {
        var value = ReadOtherName(certificate, CnpjOid);
        return value is not null && IcpBrasilText.IsCnpj(value) ? value : null;
    }

    /// <summary>The CPF (11 digits) in the SubjectAltName otherName, or null.</summary>
    public static string? GetCpf(X509Certificate2 certificate)
    {
        // Birth date (ddMMyyyy) then CPF (11), then NIS, RG and issuer, which we do not need.
        var value = ReadOtherName(certificate, CpfOid);
        if (value is null || value.Length < 19)
        {
            return null;
        }

        var cpf = value.Substring(8, 11);
        return IcpBrasilText.IsDigits(value.AsSpan(0, 8)) && IcpBrasilText.IsDigits(cpf) ? cpf : null;
    }

    /// <summary>The text of the first SubjectAltName otherName with <paramref name="oid"/>, or null.</summary>
    public static string? ReadOtherName(X509Certificate2 certificate, string oid)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentException.ThrowIfNullOrEmpty(oid);
        try
        {
            foreach (var extension in certificate.Extensions)
            {
                if (extension.Oid?.Value == SubjectAltNameOid)
                {
                    return OtherNameReader.Find(extension.RawData, oid);
                }
            }
        }
        catch (Exception ex) when (ex is AsnContentException or CryptographicException or ArgumentException or FormatException)
        {
            // A broken extension means "no such field", never a crash while reading a hostile certificate.
        }

        return null;
    }
}
