using System.Xml;

namespace Tss.Protocol.Signing;

/// <summary>
/// Verifies an enveloped signature of the SEFAZ profile and refuses signature-wrapping tricks: the only Reference must
/// point at the Id of the element being verified, that Id must be unique in the document, and the Signature must be
/// the element's next sibling under the expected parent.
/// </summary>
public static class SignatureVerifier
{
    /// <summary>Verifies the signature over <paramref name="signedElement"/> (e.g. the infNFe of one NFe element).</summary>
    public static SignatureCheck Verify(XmlElement signedElement) => throw new NotImplementedException();
}
