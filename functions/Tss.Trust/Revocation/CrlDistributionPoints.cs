using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;

namespace Tss.Trust.Revocation;

/// <summary>The http URLs of a certificate's CRL distribution points extension (2.5.29.31), in order.</summary>
/// <remarks>Distribution points with a cRLIssuer (indirect CRLs) and non-http names (LDAP) are skipped.</remarks>
internal static class CrlDistributionPoints
{
    private const string Oid = "2.5.29.31";
    private static readonly Asn1Tag Context0 = new(TagClass.ContextSpecific, 0, isConstructed: true);
    private static readonly Asn1Tag Context2 = new(TagClass.ContextSpecific, 2, isConstructed: true);
    private static readonly Asn1Tag UriTag = new(TagClass.ContextSpecific, 6);

    public static IReadOnlyList<Uri> HttpUrls(X509Certificate2 certificate)
    {
        var urls = new List<Uri>();
        var extension = certificate.Extensions[Oid];
        if (extension is null)
        {
            return urls;
        }
        try
        {
            var points = new AsnReader(extension.RawData, AsnEncodingRules.DER).ReadSequence();
            while (points.HasData)
            {
                var point = points.ReadSequence();
                if (!point.HasData || !point.PeekTag().HasSameClassAndValue(Context0))
                {
                    continue;
                }
                var name = point.ReadSequence(Context0);
                var hasIssuer = false;
                while (point.HasData)
                {
                    hasIssuer |= point.PeekTag().HasSameClassAndValue(Context2);
                    point.ReadEncodedValue();
                }
                if (hasIssuer || !name.PeekTag().HasSameClassAndValue(Context0))
                {
                    continue; // indirect CRL, or a name relative to the issuer: not supported
                }
                var fullName = name.ReadSequence(Context0);
                while (fullName.HasData)
                {
                    if (!fullName.PeekTag().HasSameClassAndValue(UriTag))
                    {
                        fullName.ReadEncodedValue();
                        continue;
                    }
                    var text = fullName.ReadCharacterString(UniversalTagNumber.IA5String, UriTag);
                    if (Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttp)
                    {
                        urls.Add(url);
                    }
                }
            }
        }
        catch (AsnContentException)
        {
            // A malformed extension names no usable distribution point: the status stays unknown.
        }
        return urls;
    }
}
