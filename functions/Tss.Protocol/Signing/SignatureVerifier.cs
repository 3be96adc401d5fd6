using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml;
using Tss.Protocol.Signing.Internal;

namespace Tss.Protocol.Signing;

/// <summary>
/// Verifies an enveloped signature of the SEFAZ profile and refuses signature-wrapping tricks: the only Reference must
/// point at the Id of the element being verified, that Id must be unique in the document, and the Signature must be
/// the element's next sibling under the expected parent.
/// </summary>
/// <remarks>
/// The element that holds the Signature (NFe, evento, inutNFe) is taken as the signed document: namespace declarations
/// of whatever envelope carries it (enviNFe, nfeProc, a SOAP body) do not enter the canonical form, as with SEFAZ.
/// </remarks>
public static class SignatureVerifier
{
    /// <summary>Verifies the signature over <paramref name="signedElement"/> (e.g. the infNFe of one NFe element).</summary>
    /// <remarks>
    /// Checks in order: a Signature after the element under the same parent (Missing), the profile (NotStandard),
    /// the Reference (ReferenceMismatch), the digest (DigestMismatch), the certificate (CertificateUnreadable) and the
    /// SignatureValue (SignatureInvalid). Never throws on hostile content.
    /// </remarks>
    public static SignatureCheck Verify(XmlElement signedElement)
    {
        ArgumentNullException.ThrowIfNull(signedElement);
        var signature = FindSignature(signedElement, out var layoutProblem);
        if (signature is null)
        {
            return Fail(layoutProblem is null ? SignatureFailure.Missing : SignatureFailure.NotStandard,
                layoutProblem ?? $"No Signature follows {signedElement.LocalName}.");
        }

        var parts = SignatureProfileReader.Read(signature, out var problem, out var digestText);
        if (parts is null)
        {
            return Fail(SignatureFailure.NotStandard, problem, digestValue: digestText);
        }

        var id = signedElement.GetAttribute(XmlDsigProfile.IdAttribute);
        if (id.Length == 0 || parts.ReferenceUri != "#" + id)
        {
            return Fail(SignatureFailure.ReferenceMismatch, $"The Reference URI does not point at this {signedElement.LocalName}.", digestValue: parts.DigestValue);
        }

        if (CountIds(signedElement.OwnerDocument, id) != 1)
        {
            return Fail(SignatureFailure.ReferenceMismatch, "The referenced Id is not unique in the document.", digestValue: parts.DigestValue);
        }

        var certificate = ReadCertificate(parts.Certificate);
        Span<byte> hash = stackalloc byte[20];
        Span<byte> expected = stackalloc byte[20];
        // The element holding the Signature is the signed document; envelope declarations do not count (see InclusiveC14N).
        var documentRoot = (XmlElement)signature.ParentNode!;
        InclusiveC14N.ComputeSha1(signedElement, signature, documentRoot, hash);
        if (!Convert.TryFromBase64String(parts.DigestValue, expected, out var digestLength) || digestLength != 20
            || !CryptographicOperations.FixedTimeEquals(hash, expected))
        {
            return Fail(SignatureFailure.DigestMismatch, "DigestValue does not match the canonical element.", certificate, parts.DigestValue);
        }

        using var key = certificate?.GetRSAPublicKey();
        if (certificate is null || key is null)
        {
            return Fail(SignatureFailure.CertificateUnreadable, "The X509Certificate cannot be read as an RSA certificate.", certificate, parts.DigestValue);
        }

        InclusiveC14N.ComputeSha1(parts.SignedInfo, exclude: null, documentRoot, hash);
        if (!TryDecodeBase64(parts.SignatureValue, out var signatureValue)
            || !key.VerifyHash(hash, signatureValue, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1))
        {
            return Fail(SignatureFailure.SignatureInvalid, "SignatureValue does not verify with the certificate's key.", certificate, parts.DigestValue);
        }

        return new SignatureCheck(SignatureFailure.None, "Valid signature.", certificate, parts.DigestValue);
    }

    private static SignatureCheck Fail(SignatureFailure failure, string detail, X509Certificate2? certificate = null, string? digestValue = null) =>
        new(failure, detail, certificate, digestValue);

    /// <summary>The one XMLDSig Signature among the parent's children, which must come after the signed element.</summary>
    private static XmlElement? FindSignature(XmlElement signedElement, out string? problem)
    {
        problem = null;
        if (signedElement.ParentNode is not XmlElement parent)
        {
            return null;
        }

        XmlElement? found = null;
        var afterSignedElement = false;
        for (var node = parent.FirstChild; node is not null; node = node.NextSibling)
        {
            if (ReferenceEquals(node, signedElement))
            {
                afterSignedElement = true;
            }
            else if (node is XmlElement { LocalName: "Signature", NamespaceURI: XmlDsigProfile.Namespace } candidate)
            {
                if (found is not null || !afterSignedElement)
                {
                    problem = $"Exactly one Signature must follow {signedElement.LocalName} under {parent.LocalName}.";
                    return null;
                }

                found = candidate;
            }
        }

        return found;
    }

    /// <summary>How many elements carry <paramref name="id"/> in an Id/ID/id attribute (any resolver's choice).</summary>
    private static int CountIds(XmlDocument? document, string id)
    {
        var count = 0;
        XmlNode? node = document?.DocumentElement;
        while (node is not null)
        {
            if (node is XmlElement element && element.HasAttributes)
            {
                foreach (XmlAttribute attribute in element.Attributes)
                {
                    if (attribute.LocalName is "Id" or "ID" or "id" && attribute.Value == id)
                    {
                        count++;
                    }
                }
            }

            if (node.FirstChild is { } child)
            {
                node = child;
                continue;
            }

            while (node is not null && node.NextSibling is null)
            {
                node = node.ParentNode;
            }

            node = node?.NextSibling;
        }

        return count;
    }

    private static X509Certificate2? ReadCertificate(string base64)
    {
        if (!TryDecodeBase64(base64, out var der))
        {
            return null;
        }

        try
        {
            return X509CertificateLoader.LoadCertificate(der);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static bool TryDecodeBase64(string text, out byte[] bytes)
    {
        try
        {
            bytes = Convert.FromBase64String(text);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
