using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Tss.Cli;

internal static class Pfx
{
    /// <summary>Loads a PFX with its private key; a wrong password or a file without a key is a usage error.</summary>
    public static X509Certificate2 Load(string path, string password)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"certificate file not found: {path}");
        }
        X509Certificate2 cert;
        try
        {
            cert = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException)
        {
            throw new UsageException($"cannot open {path}: wrong password or not a PFX file");
        }
        if (!cert.HasPrivateKey)
        {
            throw new UsageException($"{path} holds no private key");
        }
        return cert;
    }
}
