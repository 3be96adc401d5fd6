using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Tss.DevTools.Pki.Internal;

namespace Tss.DevTools.Pki;

/// <summary>
/// A local certificate authority for development and tests. It issues ICP-Brasil-shaped A1 certificates (e-CNPJ subject
/// "NAME:CNPJ", the CNPJ in the SubjectAltName otherName 2.16.76.1.3.3, RSA-2048) and TLS server certificates for the
/// simulator. Nothing it issues is trusted by SEFAZ.
/// </summary>
/// <remarks>
/// Every certificate returned carries an exportable private key that went through a PFX round trip, so it works the
/// same as one loaded from an A1 file (TLS client/server on Linux included).
/// </remarks>
public sealed partial class TestCertificateAuthority : IDisposable
{
    /// <summary>
    /// Password of the ca.pfx written by <see cref="LoadOrCreate"/>. A fixed, public value on purpose: the CA is for
    /// development only and nothing outside this machine trusts it.
    /// </summary>
    public const string DevCaPassword = "tss-dev-ca";

    private readonly X509Certificate2 _certificate;
    private readonly RSA _key;
    private readonly TimeProvider _time;

    private TestCertificateAuthority(X509Certificate2 certificate, TimeProvider time)
    {
        _certificate = certificate;
        _key = certificate.GetRSAPrivateKey() ?? throw new ArgumentException("The CA certificate has no RSA private key.", nameof(certificate));
        _time = time;
    }

    /// <summary>Creates a new self-signed root CA (valid from one year ago for twenty years, so expired leaves can be issued).</summary>
    public static TestCertificateAuthority Create(string commonName = "TSS Functions Test CA", TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(commonName);
        var time = timeProvider ?? TimeProvider.System;
        var now = time.GetUtcNow();
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(CertificateProfiles.CaSubject(commonName), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        CertificateProfiles.AddCaExtensions(request);
        using var issued = request.CreateSelfSigned(now.AddYears(-1), now.AddYears(20));
        return new TestCertificateAuthority(CertificateProfiles.WithExportableKey(issued, key), time);
    }

    /// <summary>Loads the CA (with private key) from a PFX.</summary>
    public static TestCertificateAuthority Load(string pfxPath, string password, TimeProvider? timeProvider = null)
    {
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(pfxPath, password, X509KeyStorageFlags.Exportable);
        return new TestCertificateAuthority(certificate, timeProvider ?? TimeProvider.System);
    }

    /// <summary>Loads the CA from <paramref name="directory"/> (ca.pfx) or creates and saves it there (also ca.crt as PEM).</summary>
    /// <remarks>ca.pfx is protected by <see cref="DevCaPassword"/>. Safe when several processes start at once: the first
    /// file to land wins and the others load it.</remarks>
    public static TestCertificateAuthority LoadOrCreate(string directory, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory.CreateDirectory(directory);
        var pfxPath = Path.Combine(directory, "ca.pfx");
        var pemPath = Path.Combine(directory, "ca.crt");
        if (!File.Exists(pfxPath))
        {
            using var created = Create(timeProvider: timeProvider);
            var temp = pfxPath + "." + Guid.NewGuid().ToString("N") + ".tmp";
            ExportPfx(created.Certificate, temp, DevCaPassword);
            try
            {
                File.Move(temp, pfxPath, overwrite: false);
            }
            catch (IOException) when (File.Exists(pfxPath))
            {
                // Another process created it first; use theirs so every certificate chains to the same root.
                File.Delete(temp);
            }
        }

        var authority = Load(pfxPath, DevCaPassword, timeProvider);
        if (!File.Exists(pemPath) || File.ReadAllText(pemPath) != authority.Certificate.ExportCertificatePem())
        {
            authority.ExportCaPem(pemPath);
        }

        return authority;
    }

    /// <summary>The CA certificate (with private key).</summary>
    public X509Certificate2 Certificate => _certificate;

    /// <summary>Issues an e-CNPJ A1 certificate. Defaults: valid from now − 1 day for one year.</summary>
    /// <remarks>Expired and not-yet-valid certificates come from the dates; a "wrong CNPJ" certificate is just another CNPJ.</remarks>
    public X509Certificate2 IssueECnpj(string cnpj, string companyName, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(cnpj);
        ArgumentException.ThrowIfNullOrEmpty(companyName);
        if (cnpj.Length != 14)
        {
            throw new ArgumentException("A CNPJ has 14 characters.", nameof(cnpj));
        }

        var now = _time.GetUtcNow();
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(CertificateProfiles.ECnpjSubject(companyName, cnpj), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        CertificateProfiles.AddECnpjExtensions(request, cnpj, _certificate);
        return Issue(request, key, notBefore ?? now.AddDays(-1), notAfter ?? now.AddDays(-1).AddYears(1));
    }

    /// <summary>Issues a TLS server certificate for the given DNS names (and localhost, 127.0.0.1, ::1), valid for two years.</summary>
    public X509Certificate2 IssueServer(params string[] dnsNames)
    {
        ArgumentNullException.ThrowIfNull(dnsNames);
        var now = _time.GetUtcNow();
        using var key = RSA.Create(2048);
        var commonName = dnsNames.FirstOrDefault(name => !string.IsNullOrWhiteSpace(name)) ?? "localhost";
        var request = new CertificateRequest(CertificateProfiles.ServerSubject(commonName), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        CertificateProfiles.AddServerExtensions(request, dnsNames, _certificate);
        return Issue(request, key, now.AddDays(-1), now.AddYears(2));
    }

    /// <summary>Exports a certificate with its private key as a PFX file protected by <paramref name="password"/>.</summary>
    public static void ExportPfx(X509Certificate2 certificate, string path, string password)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!certificate.HasPrivateKey)
        {
            throw new ArgumentException("The certificate has no private key to export.", nameof(certificate));
        }

        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
    }

    /// <summary>Writes the CA certificate (no key) as PEM.</summary>
    public void ExportCaPem(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        File.WriteAllText(path, _certificate.ExportCertificatePem());
    }

    public void Dispose()
    {
        _key.Dispose();
        _certificate.Dispose();
    }

    private X509Certificate2 Issue(CertificateRequest request, RSA key, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        if (notAfter <= notBefore)
        {
            throw new ArgumentException("notAfter must be later than notBefore.", nameof(notAfter));
        }

        if (CrlUrl is { } crl)
        {
            request.CertificateExtensions.Add(CertificateRevocationListBuilder.BuildCrlDistributionPointExtension([crl.AbsoluteUri]));
        }
        // The generator overload does not clamp the validity to the CA's, so expired and future leaves can be issued.
        var generator = X509SignatureGenerator.CreateForRSA(_key, RSASignaturePadding.Pkcs1);
        using var issued = request.Create(_certificate.SubjectName, generator, notBefore, notAfter, CertificateProfiles.NewSerialNumber());
        return CertificateProfiles.WithExportableKey(issued, key);
    }
}
