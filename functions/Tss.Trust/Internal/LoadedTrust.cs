using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Tss.Trust.Internal;

/// <summary>The configured trust material, read once: anchors, intermediates and CRL files.</summary>
internal sealed record LoadedTrust(X509Certificate2Collection Anchors, X509Certificate2Collection Intermediates, IReadOnlyList<(string File, byte[] Der)> CrlFiles)
{
    /// <summary>Reads what <paramref name="options"/> names.</summary>
    /// <exception cref="InvalidOperationException">A message naming the setting at fault.</exception>
    public static LoadedTrust Load(TrustAnchorOptions options)
    {
        var anchors = new X509Certificate2Collection();
        if (options.IcpBrasil)
        {
            anchors.AddRange(IcpBrasilRoots.Load());
        }
        anchors.AddRange(Read(options.Paths, $"{TrustAnchorOptions.Section}:Paths"));
        if (anchors.Count == 0)
        {
            throw new InvalidOperationException(
                $"No trust anchor: {TrustAnchorOptions.Section}:IcpBrasil is false and {TrustAnchorOptions.Section}:Paths names no certificate. " +
                "Uploaded certificates could not be checked; set IcpBrasil=true (production) or list the anchors' .crt files or directories in Paths " +
                "(e.g. env var Certificates__TrustAnchors__Paths__0).");
        }
        foreach (var anchor in anchors)
        {
            if (anchor.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault() is not { CertificateAuthority: true })
            {
                throw new InvalidOperationException(
                    $"{TrustAnchorOptions.Section}:Paths names '{anchor.Subject}', which is not a CA certificate; a trust anchor must be a CA (the root that issues the certificates).");
            }
        }
        var intermediates = Read(options.IntermediatePaths, $"{TrustAnchorOptions.Section}:IntermediatePaths");
        IReadOnlyList<(string, byte[])> crls;
        try
        {
            crls = CertificateFiles.LoadCrls(options.CrlPaths);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            throw new InvalidOperationException($"{TrustAnchorOptions.Section}:CrlPaths: {e.Message}", e);
        }
        return new LoadedTrust(anchors, intermediates, crls);
    }

    private static X509Certificate2Collection Read(IEnumerable<string> paths, string setting)
    {
        try
        {
            return CertificateFiles.LoadCertificates(paths);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new InvalidOperationException($"{setting}: {e.Message}", e);
        }
    }
}
