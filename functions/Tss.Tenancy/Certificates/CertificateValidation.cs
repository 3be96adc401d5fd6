using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Tss.Protocol.Certificates;
using Tss.Protocol.Parties;

namespace Tss.Tenancy.Certificates;

/// <summary>
/// The file checks every certificate store applies to an upload: a PKCS#12 file, the right password, a private key,
/// valid now, and an ICP-Brasil CNPJ with the same root (company) as the entity — a branch may sign with the head
/// office's certificate, so the root decides, not the full CNPJ. Whether the certificate chains to a trusted CA is
/// <see cref="CertificateUploadValidator"/>'s part, which calls this first.
/// </summary>
public static class CertificateValidation
{
    /// <summary>Largest PFX accepted (real A1 files are a few KB).</summary>
    public const int MaxPfxBytes = 64 * 1024;

    /// <summary>Opens and checks the PFX; the returned certificate (with an exportable, ephemeral key) belongs to the caller.</summary>
    /// <exception cref="TenancyException">With one of <see cref="TenancyErrorCodes.Certificates"/>.</exception>
    public static X509Certificate2 Open(byte[] pfx, string password, string entityCnpj, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pfx);
        if (pfx.Length > MaxPfxBytes)
        {
            throw new TenancyException(TenancyErrorCodes.Certificates.TooLarge, $"O arquivo do certificado tem {pfx.Length} bytes; o limite é {MaxPfxBytes}.");
        }
        if (!LooksLikePkcs12(pfx))
        {
            throw new TenancyException(TenancyErrorCodes.Certificates.NotPkcs12, "O arquivo não é um certificado A1 (PKCS#12 / .pfx).");
        }
        X509Certificate2 cert;
        try
        {
            cert = X509CertificateLoader.LoadPkcs12(pfx, password, X509KeyStorageFlags.Exportable | X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException e)
        {
            // The outer structure is PKCS#12, so a failure to open it is the password (or a damaged file).
            throw new TenancyException(TenancyErrorCodes.Certificates.WrongPassword, "Senha do certificado incorreta.", e);
        }
        try
        {
            Check(cert, entityCnpj, now);
            return cert;
        }
        catch
        {
            cert.Dispose();
            throw;
        }
    }

    /// <summary>The other certificates the PFX carries (its chain, as exported), for chain building only.</summary>
    internal static X509Certificate2Collection OtherCertificates(byte[] pfx, string password, X509Certificate2 leaf)
    {
        var all = X509CertificateLoader.LoadPkcs12Collection(pfx, password, X509KeyStorageFlags.EphemeralKeySet);
        var others = new X509Certificate2Collection();
        foreach (var certificate in all)
        {
            if (certificate.RawData.AsSpan().SequenceEqual(leaf.RawData))
            {
                certificate.Dispose();
            }
            else
            {
                others.Add(certificate);
            }
        }
        return others;
    }

    /// <summary>Public facts of an opened certificate.</summary>
    public static CertificateInfo Describe(X509Certificate2 cert) =>
        new(cert.Subject, cert.Thumbprint, IcpBrasilCertificate.GetCnpj(cert) ?? "", new DateTimeOffset(cert.NotBefore.ToUniversalTime()), new DateTimeOffset(cert.NotAfter.ToUniversalTime()));

    private static void Check(X509Certificate2 cert, string entityCnpj, DateTimeOffset now)
    {
        if (!cert.HasPrivateKey)
        {
            throw new TenancyException(TenancyErrorCodes.Certificates.NoPrivateKey, "O arquivo não contém a chave privada do certificado.");
        }
        var info = Describe(cert);
        if (now < info.NotBefore)
        {
            throw new TenancyException(TenancyErrorCodes.Certificates.NotYetValid, $"O certificado só é válido a partir de {info.NotBefore:yyyy-MM-dd HH:mm} UTC.");
        }
        if (now > info.NotAfter)
        {
            throw new TenancyException(TenancyErrorCodes.Certificates.Expired, $"O certificado venceu em {info.NotAfter:yyyy-MM-dd HH:mm} UTC.");
        }
        if (info.Cnpj.Length == 0)
        {
            throw new TenancyException(TenancyErrorCodes.Certificates.NoCnpj, "O certificado não é um e-CNPJ ICP-Brasil (sem CNPJ no campo 2.16.76.1.3.3).");
        }
        if (Cnpj.Root(info.Cnpj) != Cnpj.Root(entityCnpj))
        {
            throw new TenancyException(TenancyErrorCodes.Certificates.CnpjMismatch, $"O certificado é do CNPJ {info.Cnpj}, de outra empresa que {entityCnpj}.");
        }
    }

    /// <summary>PFX = SEQUENCE { INTEGER 3, ContentInfo, ... } in BER/DER.</summary>
    private static bool LooksLikePkcs12(byte[] pfx)
    {
        try
        {
            var outer = new AsnReader(pfx, AsnEncodingRules.BER).ReadSequence();
            return outer.TryReadInt32(out var version) && version == 3 && outer.HasData;
        }
        catch (AsnContentException)
        {
            return false;
        }
    }
}
