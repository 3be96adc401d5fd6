using System.Security.Cryptography.X509Certificates;
using System.Xml;
using Tss.Protocol.Certificates;
using Tss.Protocol.Signing;

namespace Tss.Sefaz.Simulator.Core;

/// <summary>
/// The signature and signing-certificate checks SEFAZ runs on a signed unit other than the NF-e (evento, inutNFe), in
/// its order: signature (297/298), certificate validity (291), CNPJ/CPF present (292), chain (293), then the signer's
/// CNPJ-base against the author's (213).
/// </summary>
public static class SignedUnitChecks
{
    /// <summary>0 when the unit passes, otherwise the cStat of the first failed check.</summary>
    /// <param name="unit">The element holding the signed element and its Signature (evento, inutNFe).</param>
    /// <param name="authorCnpj">The author's CNPJ, or null when the author is a CPF (<paramref name="authorCpf"/>).</param>
    public static int Check(XmlElement unit, string signedElement, string? authorCnpj, string? authorCpf, DateTimeOffset now,
        X509Certificate2 trustedCa)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(trustedCa);
        var copy = Standalone(unit);
        var target = NfeXml.Child(copy, signedElement);
        if (target is null)
        {
            return 215;
        }

        var signature = SignatureVerifier.Verify(target);
        var status = signature.Failure switch
        {
            SignatureFailure.None => 0,
            SignatureFailure.NotStandard or SignatureFailure.ReferenceMismatch or SignatureFailure.Missing => 298,
            SignatureFailure.DigestMismatch or SignatureFailure.SignatureInvalid => 297,
            _ => 290,
        };
        if (status != 0)
        {
            return status;
        }
        if (signature.Certificate is not { } signer)
        {
            return 290;
        }
        if (now < signer.NotBefore.ToUniversalTime() || now > signer.NotAfter.ToUniversalTime())
        {
            return 291;
        }

        var signerCnpj = IcpBrasilCertificate.GetCnpj(signer);
        var signerCpf = signerCnpj is null ? IcpBrasilCertificate.GetCpf(signer) : null;
        if (signerCnpj is null && signerCpf is null)
        {
            return 292;
        }
        if (!CertificateChains.ChainsTo(signer, trustedCa))
        {
            return 293;
        }

        var matches = authorCnpj is not null
            ? signerCnpj is not null && authorCnpj.Length >= 8 && signerCnpj.Length >= 8 && authorCnpj.AsSpan(0, 8).SequenceEqual(signerCnpj.AsSpan(0, 8))
            : signerCpf is not null && signerCpf == authorCpf;
        return matches ? 0 : 213;
    }

    /// <summary>
    /// The unit as a document of its own: it is signed on its own, and inclusive C14N would otherwise pull the envelope's
    /// namespace declarations into the canonical form.
    /// </summary>
    private static XmlElement Standalone(XmlElement unit)
    {
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        var copy = (XmlElement)document.ImportNode(unit, deep: true);
        document.AppendChild(copy);
        return copy;
    }
}
