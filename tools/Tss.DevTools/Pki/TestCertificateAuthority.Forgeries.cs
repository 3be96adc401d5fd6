using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Tss.DevTools.Pki.Internal;

namespace Tss.DevTools.Pki;

public sealed partial class TestCertificateAuthority
{
    /// <summary>
    /// A self-signed certificate shaped exactly like an e-CNPJ A1 (same subject, SubjectAltName with the CNPJ in
    /// 2.16.76.1.3.3, key usages), as anyone can make with openssl: what an attacker uploads to claim another company.
    /// No CA is involved, so no trust anchor can vouch for it.
    /// </summary>
    public static X509Certificate2 SelfSignedECnpj(string cnpj, string companyName, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(cnpj);
        ArgumentException.ThrowIfNullOrEmpty(companyName);
        var now = (timeProvider ?? TimeProvider.System).GetUtcNow();
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(CertificateProfiles.ECnpjSubject(companyName, cnpj), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2"), new Oid("1.3.6.1.5.5.7.3.4")], false));
        request.CertificateExtensions.Add(new X509Extension("2.5.29.17", CertificateProfiles.ECnpjSubjectAltName(cnpj), false));
        using var issued = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        return CertificateProfiles.WithExportableKey(issued, key);
    }
}
