using System.Security.Cryptography.X509Certificates;

namespace Tss.DevTools.Pki;

/// <summary>
/// A local certificate authority for development and tests. It issues ICP-Brasil-shaped A1 certificates (e-CNPJ subject
/// "NAME:CNPJ", the CNPJ in the SubjectAltName otherName 2.16.76.1.3.3, RSA-2048) and TLS server certificates for the
/// simulator. Nothing it issues is trusted by SEFAZ.
/// </summary>
public sealed class TestCertificateAuthority : IDisposable
{
    /// <summary>Creates a new self-signed root CA.</summary>
    public static TestCertificateAuthority Create(string commonName = "TSS Functions Test CA") => throw new NotImplementedException();

    /// <summary>Loads the CA (with private key) from a PFX.</summary>
    public static TestCertificateAuthority Load(string pfxPath, string password) => throw new NotImplementedException();

    /// <summary>Loads the CA from <paramref name="directory"/> (ca.pfx) or creates and saves it there (also ca.crt as PEM).</summary>
    public static TestCertificateAuthority LoadOrCreate(string directory) => throw new NotImplementedException();

    /// <summary>The CA certificate (with private key).</summary>
    public X509Certificate2 Certificate => throw new NotImplementedException();

    /// <summary>Issues an e-CNPJ A1 certificate. Defaults: valid from now − 1 day for one year.</summary>
    public X509Certificate2 IssueECnpj(string cnpj, string companyName, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null) => throw new NotImplementedException();

    /// <summary>Issues a TLS server certificate for the given DNS names (and 127.0.0.1 / ::1).</summary>
    public X509Certificate2 IssueServer(params string[] dnsNames) => throw new NotImplementedException();

    /// <summary>Exports a certificate with its private key as a PFX file protected by <paramref name="password"/>.</summary>
    public static void ExportPfx(X509Certificate2 certificate, string path, string password) => throw new NotImplementedException();

    /// <summary>Writes the CA certificate (no key) as PEM.</summary>
    public void ExportCaPem(string path) => throw new NotImplementedException();

    public void Dispose() => throw new NotImplementedException();
}
