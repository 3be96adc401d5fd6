using System.Security.Cryptography;
using System.Text;
using Tss.Protocol.Messages;

namespace Tss.DevTools.Samples;

/// <summary>A schema-shaped (not cryptographically valid) signature, for schema tests and benchmarks.</summary>
public static partial class SampleNfe
{
    /// <summary>
    /// Appends a Signature element with the shape, algorithms and sizes of a real NF-e signature (RSA-2048, SHA-1, one
    /// certificate) but meaningless values. The result passes the schema; it must never pass a signature check.
    /// </summary>
    public static string WithPlaceholderSignature(string unsignedNfe)
    {
        ArgumentNullException.ThrowIfNull(unsignedNfe);
        const string end = "</NFe>";
        if (!unsignedNfe.EndsWith(end, StringComparison.Ordinal))
        {
            throw new ArgumentException("Expected an NFe element.", nameof(unsignedNfe));
        }

        var idStart = unsignedNfe.IndexOf("Id=\"", StringComparison.Ordinal) + 4;
        var id = unsignedNfe[idStart..unsignedNfe.IndexOf('"', idStart)];
        var signature = PlaceholderSignature(id, unsignedNfe);
        return string.Concat(unsignedNfe.AsSpan(0, unsignedNfe.Length - end.Length), signature, end);
    }

    /// <summary>
    /// A Signature element for the element whose Id is <paramref name="referenceId"/> (NFe, evento, inutNFe), with
    /// filler values derived from <paramref name="seedText"/>; schema-valid, never cryptographically valid.
    /// </summary>
    public static string PlaceholderSignature(string referenceId, string seedText = "")
    {
        ArgumentException.ThrowIfNullOrEmpty(referenceId);
        ArgumentNullException.ThrowIfNull(seedText);

        // Deterministic filler derived from the document, so the same input yields the same output.
        var seed = SHA256.HashData(Encoding.UTF8.GetBytes(referenceId + seedText));
        string Filler(int bytes)
        {
            var buffer = new byte[bytes];
            for (var i = 0; i < bytes; i++)
            {
                buffer[i] = (byte)(seed[i % seed.Length] ^ i);
            }

            return Convert.ToBase64String(buffer);
        }

        return new StringBuilder(2600)
            .Append("<Signature xmlns=\"").Append(NfeNamespaces.XmlDsig).Append("\"><SignedInfo>")
            .Append("<CanonicalizationMethod Algorithm=\"http://www.w3.org/TR/2001/REC-xml-c14n-20010315\"/>")
            .Append("<SignatureMethod Algorithm=\"http://www.w3.org/2000/09/xmldsig#rsa-sha1\"/>")
            .Append("<Reference URI=\"#").Append(referenceId).Append("\"><Transforms>")
            .Append("<Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"/>")
            .Append("<Transform Algorithm=\"http://www.w3.org/TR/2001/REC-xml-c14n-20010315\"/>")
            .Append("</Transforms><DigestMethod Algorithm=\"http://www.w3.org/2000/09/xmldsig#sha1\"/>")
            .Append("<DigestValue>").Append(Filler(20)).Append("</DigestValue></Reference></SignedInfo>")
            .Append("<SignatureValue>").Append(Filler(256)).Append("</SignatureValue>")
            .Append("<KeyInfo><X509Data><X509Certificate>").Append(Filler(1400)).Append("</X509Certificate></X509Data></KeyInfo>")
            .Append("</Signature>")
            .ToString();
    }
}
