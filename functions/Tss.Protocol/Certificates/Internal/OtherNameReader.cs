using System.Formats.Asn1;
using System.Text;

namespace Tss.Protocol.Certificates.Internal;

/// <summary>Finds otherName entries in a DER SubjectAltName (RFC 5280 GeneralNames).</summary>
internal static class OtherNameReader
{
    private static readonly Asn1Tag OtherNameTag = new(TagClass.ContextSpecific, 0, isConstructed: true);

    /// <summary>The text of the first otherName with <paramref name="oid"/>; null when absent or of an unknown type.</summary>
    /// <exception cref="AsnContentException">The extension is not valid DER.</exception>
    public static string? Find(byte[] subjectAltName, string oid)
    {
        var names = new AsnReader(subjectAltName, AsnEncodingRules.DER).ReadSequence();
        while (names.HasData)
        {
            var tag = names.PeekTag();
            if (!tag.HasSameClassAndValue(OtherNameTag))
            {
                names.ReadEncodedValue();
                continue;
            }

            // OtherName ::= SEQUENCE { type-id OBJECT IDENTIFIER, value [0] EXPLICIT ANY } (implicitly tagged [0]).
            var otherName = names.ReadSequence(OtherNameTag);
            if (otherName.ReadObjectIdentifier() != oid)
            {
                continue;
            }

            return ReadText(otherName.ReadSequence(OtherNameTag));
        }

        return null;
    }

    private static string? ReadText(AsnReader value)
    {
        var tag = value.PeekTag();
        if (tag.TagClass != TagClass.Universal)
        {
            return null;
        }

        return (UniversalTagNumber)tag.TagValue switch
        {
            UniversalTagNumber.OctetString => Encoding.Latin1.GetString(value.ReadOctetString()),
            UniversalTagNumber.PrintableString => value.ReadCharacterString(UniversalTagNumber.PrintableString),
            UniversalTagNumber.UTF8String => value.ReadCharacterString(UniversalTagNumber.UTF8String),
            UniversalTagNumber.IA5String => value.ReadCharacterString(UniversalTagNumber.IA5String),
            UniversalTagNumber.VisibleString => value.ReadCharacterString(UniversalTagNumber.VisibleString),
            _ => null,
        };
    }
}
