using System.Xml;

namespace Tss.Protocol.Signing.Internal;

/// <summary>Builds the Signature element of the SEFAZ profile, without any whitespace inside.</summary>
internal static class SignatureElementBuilder
{
    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    public static XmlElement Build(XmlDocument document, string uri, string digestValue, string certificateBase64,
        out XmlElement signedInfo, out XmlElement signatureValue)
    {
        var signature = Element(document, "Signature");
        // Explicit declaration: the DOM then reads the same before and after serialization.
        var xmlns = document.CreateAttribute("xmlns", XmlnsNamespace);
        xmlns.Value = XmlDsigProfile.Namespace;
        signature.Attributes.Append(xmlns);

        signedInfo = Append(signature, "SignedInfo");
        AlgorithmElement(signedInfo, "CanonicalizationMethod", XmlDsigProfile.CanonicalizationMethod);
        AlgorithmElement(signedInfo, "SignatureMethod", XmlDsigProfile.SignatureMethod);
        var reference = Append(signedInfo, "Reference");
        reference.SetAttribute("URI", uri);
        var transforms = Append(reference, "Transforms");
        AlgorithmElement(transforms, "Transform", XmlDsigProfile.EnvelopedSignatureTransform);
        AlgorithmElement(transforms, "Transform", XmlDsigProfile.CanonicalizationMethod);
        AlgorithmElement(reference, "DigestMethod", XmlDsigProfile.DigestMethod);
        Append(reference, "DigestValue").AppendChild(document.CreateTextNode(digestValue));

        signatureValue = Append(signature, "SignatureValue");
        var x509Data = Append(Append(signature, "KeyInfo"), "X509Data");
        Append(x509Data, "X509Certificate").AppendChild(document.CreateTextNode(certificateBase64));
        return signature;
    }

    private static XmlElement Element(XmlDocument document, string name) => document.CreateElement(name, XmlDsigProfile.Namespace);

    private static XmlElement Append(XmlElement parent, string name) =>
        (XmlElement)parent.AppendChild(Element(parent.OwnerDocument, name))!;

    private static void AlgorithmElement(XmlElement parent, string name, string algorithm) =>
        Append(parent, name).SetAttribute("Algorithm", algorithm);
}
