namespace Tss.Tenancy.Certificates;

/// <summary>Public facts of a certificate (safe to show and store).</summary>
/// <param name="Cnpj">The CNPJ in the ICP-Brasil otherName (2.16.76.1.3.3).</param>
public sealed record CertificateInfo(string Subject, string Thumbprint, string Cnpj, DateTimeOffset NotBefore, DateTimeOffset NotAfter);
