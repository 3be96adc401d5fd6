using System.Xml;

namespace Tss.Protocol.Signing.Internal;

/// <summary>
/// Reads a Signature element and accepts only the SEFAZ profile: the exact algorithms and transforms, one Reference,
/// KeyInfo with one X509Data holding one X509Certificate, no Object. Whitespace between elements is tolerated (other
/// signers indent); any other content is not.
/// </summary>
internal static class SignatureProfileReader
{
    public static SignatureParts? Read(XmlElement signature, out string problem, out string? digestValue)
    {
        digestValue = null;
        if (!Children(signature, out var parts, "SignedInfo", "SignatureValue", "KeyInfo"))
        {
            problem = "Signature must contain exactly SignedInfo, SignatureValue and KeyInfo.";
            return null;
        }

        var (signedInfo, signatureValue, keyInfo) = (parts[0], parts[1], parts[2]);
        if (!Children(signedInfo, out var info, "CanonicalizationMethod", "SignatureMethod", "Reference"))
        {
            problem = "SignedInfo must contain exactly CanonicalizationMethod, SignatureMethod and one Reference.";
            return null;
        }

        if (!IsAlgorithm(info[0], XmlDsigProfile.CanonicalizationMethod) || !IsAlgorithm(info[1], XmlDsigProfile.SignatureMethod))
        {
            problem = "CanonicalizationMethod must be C14N 2001-03-15 and SignatureMethod rsa-sha1.";
            return null;
        }

        var reference = info[2];
        if (!Children(reference, out var referenceParts, "Transforms", "DigestMethod", "DigestValue"))
        {
            problem = "Reference must contain exactly Transforms, DigestMethod and DigestValue.";
            return null;
        }

        digestValue = referenceParts[2].InnerText.Trim();
        if (!Children(referenceParts[0], out var transforms, "Transform", "Transform")
            || !IsAlgorithm(transforms[0], XmlDsigProfile.EnvelopedSignatureTransform)
            || !IsAlgorithm(transforms[1], XmlDsigProfile.CanonicalizationMethod))
        {
            problem = "Transforms must be enveloped-signature then C14N 2001-03-15.";
            return null;
        }

        if (!IsAlgorithm(referenceParts[1], XmlDsigProfile.DigestMethod) || !IsTextOnly(referenceParts[2]) || !IsTextOnly(signatureValue))
        {
            problem = "DigestMethod must be sha1; DigestValue and SignatureValue must be text.";
            return null;
        }

        if (!Children(keyInfo, out var keyData, "X509Data") || !Children(keyData[0], out var certificates, "X509Certificate")
            || !IsTextOnly(certificates[0]))
        {
            problem = "KeyInfo must contain exactly X509Data/X509Certificate.";
            return null;
        }

        if (reference.GetAttributeNode("URI") is not { } uri)
        {
            problem = "Reference has no URI.";
            return null;
        }

        problem = string.Empty;
        return new SignatureParts(signedInfo, uri.Value, digestValue, signatureValue.InnerText, certificates[0].InnerText);
    }

    /// <summary>True when the element's children are exactly the named XMLDSig elements, in order.</summary>
    private static bool Children(XmlElement parent, out XmlElement[] children, params ReadOnlySpan<string> names)
    {
        children = new XmlElement[names.Length];
        var count = 0;
        for (var node = parent.FirstChild; node is not null; node = node.NextSibling)
        {
            switch (node)
            {
                case XmlWhitespace or XmlSignificantWhitespace:
                    continue;
                case XmlElement element when count < names.Length && element.LocalName == names[count]
                                             && element.NamespaceURI == XmlDsigProfile.Namespace:
                    children[count++] = element;
                    continue;
                case XmlText text when string.IsNullOrWhiteSpace(text.Data):
                    continue;
                default:
                    return false;
            }
        }

        return count == names.Length;
    }

    private static bool IsAlgorithm(XmlElement element, string algorithm) =>
        element.GetAttribute("Algorithm") == algorithm && Children(element, out _);

    private static bool IsTextOnly(XmlElement element)
    {
        for (var node = element.FirstChild; node is not null; node = node.NextSibling)
        {
            if (node is not (XmlText or XmlWhitespace or XmlSignificantWhitespace))
            {
                return false;
            }
        }

        return true;
    }
}
