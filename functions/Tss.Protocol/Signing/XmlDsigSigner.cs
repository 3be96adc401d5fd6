using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml;
using Tss.Protocol.Signing.Internal;
using Tss.Protocol.Xml;

namespace Tss.Protocol.Signing;

/// <summary>
/// Enveloped XMLDSig exactly as SEFAZ checks it: inclusive C14N 2001-03-15, RSA-SHA1, SHA-1 digest, one Reference to
/// "#Id" with the enveloped-signature and C14N transforms, KeyInfo with only the X509Certificate. The Signature is
/// appended as the last child of the signed element's parent (NFe, evento, inutNFe). Thread-safe; reuse one per certificate.
/// </summary>
/// <remarks>
/// The signed element's parent is the signed document (see <see cref="InclusiveC14N"/>), so the signature stays valid
/// when the NFe later travels inside enviNFe, a SOAP envelope or nfeProc.
/// The canonical form is streamed into an incremental SHA-1 by our own C14N (<see cref="InclusiveC14N"/>) instead of
/// SignedXml, which copies the document and is several times slower. RSA keys are pooled so concurrent signs neither
/// share an RSA instance nor create one per call.
/// </remarks>
public sealed class XmlDsigSigner : IDisposable
{
    private readonly string _certificateBase64;
    private readonly X509Certificate2 _certificate;
    private readonly ConcurrentBag<RSA> _keys = [];
    private bool _disposed;

    /// <param name="certificate">A certificate with an RSA private key.</param>
    public XmlDsigSigner(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var key = certificate.GetRSAPrivateKey()
            ?? throw new ArgumentException("The certificate has no RSA private key.", nameof(certificate));
        _keys.Add(key);
        _certificate = certificate;
        _certificateBase64 = Convert.ToBase64String(certificate.RawData);
    }

    /// <summary>Signs the first element named <paramref name="signedElement"/> (infNFe, infEvento, infInut, infCte, infMDFe)
    /// in place and returns the DigestValue.</summary>
    public string Sign(XmlDocument document, string signedElement)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentException.ThrowIfNullOrEmpty(signedElement);
        var target = FindFirst(document, signedElement)
            ?? throw new ArgumentException($"The document has no {signedElement} element.", nameof(signedElement));
        return Sign(target);
    }

    /// <summary>Signs <paramref name="xml"/> and returns the signed XML, unformatted, without XML declaration.</summary>
    /// <exception cref="XmlInputException">The XML is refused by <see cref="SafeXml"/>.</exception>
    public string Sign(string xml, string signedElement)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var document = SafeXml.Load(xml);
        Sign(document, signedElement);
        return SignedXmlText.Serialize(document);
    }

    /// <summary>
    /// Signs <paramref name="signedElement"/> in place (use this for each infNFe of a multi-document lot) and returns the
    /// DigestValue. A Signature already present under the same parent is replaced.
    /// </summary>
    public string Sign(XmlElement signedElement)
    {
        ArgumentNullException.ThrowIfNull(signedElement);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var id = signedElement.GetAttribute(XmlDsigProfile.IdAttribute);
        if (id.Length == 0)
        {
            throw new ArgumentException($"{signedElement.LocalName} has no Id attribute to reference.", nameof(signedElement));
        }

        if (signedElement.ParentNode is not XmlElement parent)
        {
            throw new ArgumentException($"{signedElement.LocalName} must have a parent element to hold the Signature.", nameof(signedElement));
        }

        RemoveSignatures(parent);

        // The parent (NFe, evento, inutNFe) is the signed document, whatever envelope holds it now (see InclusiveC14N).
        // The Signature is a sibling of the signed element, so the enveloped-signature transform removes nothing.
        Span<byte> hash = stackalloc byte[20];
        InclusiveC14N.ComputeSha1(signedElement, exclude: null, documentRoot: parent, hash);
        var digestValue = Convert.ToBase64String(hash);

        var document = signedElement.OwnerDocument;
        var signature = SignatureElementBuilder.Build(document, "#" + id, digestValue, _certificateBase64, out var signedInfo, out var signatureValue);
        parent.AppendChild(signature);

        // SignedInfo is canonicalized in place, with the same document root, as a verifier sees it.
        InclusiveC14N.ComputeSha1(signedInfo, exclude: null, documentRoot: parent, hash);
        signatureValue.AppendChild(document.CreateTextNode(Convert.ToBase64String(SignHash(hash))));
        return digestValue;
    }

    /// <summary>The signing certificate.</summary>
    public X509Certificate2 Certificate => _certificate;

    public void Dispose()
    {
        _disposed = true;
        while (_keys.TryTake(out var key))
        {
            key.Dispose();
        }
    }

    private byte[] SignHash(ReadOnlySpan<byte> hash)
    {
        if (!_keys.TryTake(out var key))
        {
            key = _certificate.GetRSAPrivateKey()!;
        }

        try
        {
            return key.SignHash(hash, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1);
        }
        finally
        {
            _keys.Add(key);
        }
    }

    private static void RemoveSignatures(XmlElement parent)
    {
        for (var child = parent.LastChild; child is not null;)
        {
            var previous = child.PreviousSibling;
            if (child is XmlElement { LocalName: "Signature", NamespaceURI: XmlDsigProfile.Namespace })
            {
                parent.RemoveChild(child);
            }

            child = previous;
        }
    }

    /// <summary>First element in document order with this local name (NF-e, CT-e and MDF-e use different namespaces).</summary>
    private static XmlElement? FindFirst(XmlDocument document, string localName)
    {
        XmlNode? node = document.DocumentElement;
        while (node is not null)
        {
            if (node is XmlElement element && element.LocalName == localName)
            {
                return element;
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

        return null;
    }
}
