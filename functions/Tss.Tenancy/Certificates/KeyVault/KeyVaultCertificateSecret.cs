using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Security.KeyVault.Secrets;

namespace Tss.Tenancy.Certificates.KeyVault;

/// <summary>Turns a certificate's secret (Key Vault keeps the PFX with the key as a base64 secret) into a certificate for signing.</summary>
internal static class KeyVaultCertificateSecret
{
    public const string Pkcs12ContentType = "application/x-pkcs12";

    /// <exception cref="TenancyException">The secret is not a PKCS#12 with a private key (e.g. imported as PEM, or the key is not exportable).</exception>
    public static X509Certificate2 ToCertificate(KeyVaultSecret secret, string reference)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (!string.Equals(secret.Properties.ContentType, Pkcs12ContentType, StringComparison.OrdinalIgnoreCase) || string.IsNullOrEmpty(secret.Value))
        {
            throw new TenancyException(TenancyErrorCodes.Certificates.Undecryptable,
                $"O certificado {reference} no Key Vault não é um PKCS#12 ({secret.Properties.ContentType ?? "sem tipo"}); importe-o novamente.");
        }
        byte[] pfx;
        try
        {
            pfx = Convert.FromBase64String(secret.Value);
        }
        catch (FormatException e)
        {
            throw new TenancyException(TenancyErrorCodes.Certificates.Undecryptable, $"O certificado {reference} no Key Vault está corrompido.", e);
        }
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12(pfx, null, X509KeyStorageFlags.EphemeralKeySet);
            if (!certificate.HasPrivateKey)
            {
                certificate.Dispose();
                throw new TenancyException(TenancyErrorCodes.Certificates.NoPrivateKey, $"O certificado {reference} no Key Vault não traz a chave privada (chave não exportável).");
            }
            return certificate;
        }
        catch (CryptographicException e)
        {
            throw new TenancyException(TenancyErrorCodes.Certificates.Undecryptable, $"O certificado {reference} no Key Vault não pôde ser aberto.", e);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pfx);
        }
    }
}
