using System.Security.Cryptography.X509Certificates;
using System.Xml;

namespace Tss.Protocol.Signing;

/// <summary>
/// Enveloped XMLDSig exactly as SEFAZ checks it: inclusive C14N 2001-03-15, RSA-SHA1, SHA-1 digest, one Reference to
/// "#Id" with the enveloped-signature and C14N transforms, KeyInfo with only the X509Certificate. The Signature is
/// appended as the last child of the signed element's parent (NFe, evento, inutNFe). Thread-safe; reuse one per certificate.
/// </summary>
public sealed class XmlDsigSigner
{
    /// <param name="certificate">A certificate with an RSA private key.</param>
    public XmlDsigSigner(X509Certificate2 certificate) => throw new NotImplementedException();

    /// <summary>Signs the first element named <paramref name="signedElement"/> (infNFe, infEvento, infInut, infCte, infMDFe)
    /// in place and returns the DigestValue.</summary>
    public string Sign(XmlDocument document, string signedElement) => throw new NotImplementedException();

    /// <summary>Signs <paramref name="xml"/> and returns the signed XML, unformatted, without XML declaration.</summary>
    public string Sign(string xml, string signedElement) => throw new NotImplementedException();
}
