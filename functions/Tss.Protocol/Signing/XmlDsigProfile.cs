namespace Tss.Protocol.Signing;

/// <summary>The algorithm URIs of the SEFAZ XMLDSig profile (PROTOCOL.md §6).</summary>
public static class XmlDsigProfile
{
    /// <summary>The XMLDSig namespace; the Signature element uses it as default namespace, without prefix.</summary>
    public const string Namespace = "http://www.w3.org/2000/09/xmldsig#";
    public const string CanonicalizationMethod = InclusiveC14N.Algorithm;
    public const string SignatureMethod = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
    public const string DigestMethod = "http://www.w3.org/2000/09/xmldsig#sha1";
    public const string EnvelopedSignatureTransform = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
    /// <summary>The attribute that carries the signed element's identifier.</summary>
    public const string IdAttribute = "Id";
}
