using System.Xml;

namespace Tss.Protocol.Signing.Internal;

/// <summary>The pieces of a Signature that follows the SEFAZ profile.</summary>
internal sealed record SignatureParts(XmlElement SignedInfo, string ReferenceUri, string DigestValue, string SignatureValue, string Certificate);
