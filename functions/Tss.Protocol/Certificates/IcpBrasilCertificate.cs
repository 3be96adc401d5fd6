using System.Security.Cryptography.X509Certificates;

namespace Tss.Protocol.Certificates;

/// <summary>Reads ICP-Brasil fields from certificates: the CNPJ (otherName 2.16.76.1.3.3) and CPF (2.16.76.1.3.1).</summary>
public static class IcpBrasilCertificate
{
    /// <summary>OID of the e-CNPJ otherName carrying the company's CNPJ.</summary>
    public const string CnpjOid = "2.16.76.1.3.3";
    /// <summary>OID of the e-CPF otherName whose content carries the holder's CPF (after the 8-digit birth date).</summary>
    public const string CpfOid = "2.16.76.1.3.1";

    /// <summary>The CNPJ (14 characters) in the SubjectAltName otherName, or null.</summary>
    public static string? GetCnpj(X509Certificate2 certificate) => throw new NotImplementedException();

    /// <summary>The CPF (11 digits) in the SubjectAltName otherName, or null.</summary>
    public static string? GetCpf(X509Certificate2 certificate) => throw new NotImplementedException();
}
