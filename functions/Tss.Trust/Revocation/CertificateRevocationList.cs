using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Tss.Trust.Revocation;

/// <summary>
/// A parsed X.509 CRL (RFC 5280 §5): issuer, thisUpdate, nextUpdate and the revoked serial numbers. Only complete,
/// direct CRLs are understood: a delta CRL, an indirect entry or any other critical extension makes it unusable
/// (<see cref="TryParse"/> says why), which the caller treats as "status unknown", never as "not revoked".
/// </summary>
internal sealed class CertificateRevocationList
{
    private static readonly HashSet<string> KnownCrlExtensions = ["2.5.29.20", "2.5.29.35"]; // CRL number, AKI
    private const string ReasonCodeOid = "2.5.29.21";
    private const string InvalidityDateOid = "2.5.29.24";

    private readonly HashSet<string> _revoked;
    private readonly ReadOnlyMemory<byte> _tbs;
    private readonly string _algorithm;
    private readonly byte[] _signature;

    private CertificateRevocationList(byte[] issuer, DateTimeOffset thisUpdate, DateTimeOffset? nextUpdate, HashSet<string> revoked,
        ReadOnlyMemory<byte> tbs, string algorithm, byte[] signature)
    {
        Issuer = issuer;
        ThisUpdate = thisUpdate;
        NextUpdate = nextUpdate;
        _revoked = revoked;
        _tbs = tbs;
        _algorithm = algorithm;
        _signature = signature;
    }

    /// <summary>The DER of the issuer Name.</summary>
    public byte[] Issuer { get; }
    public DateTimeOffset ThisUpdate { get; }
    public DateTimeOffset? NextUpdate { get; }
    public int Count => _revoked.Count;

    /// <summary>True when the CRL lists the certificate's serial number.</summary>
    public bool Lists(X509Certificate2 certificate) => _revoked.Contains(NormalizeSerial(certificate.SerialNumberBytes.Span));

    /// <summary>True when <paramref name="certificate"/> issued this CRL: same name, and its key verifies the signature.</summary>
    public bool IsIssuedBy(X509Certificate2 certificate)
    {
        if (!certificate.SubjectName.RawData.AsSpan().SequenceEqual(Issuer))
        {
            return false;
        }
        var hash = _algorithm switch
        {
            "1.2.840.113549.1.1.11" or "1.2.840.10045.4.3.2" => HashAlgorithmName.SHA256,
            "1.2.840.113549.1.1.12" or "1.2.840.10045.4.3.3" => HashAlgorithmName.SHA384,
            "1.2.840.113549.1.1.13" or "1.2.840.10045.4.3.4" => HashAlgorithmName.SHA512,
            _ => default,
        };
        if (hash == default)
        {
            return false; // SHA-1, PSS or an unknown algorithm: not accepted.
        }
        try
        {
            if (_algorithm.StartsWith("1.2.840.113549", StringComparison.Ordinal))
            {
                using var rsa = certificate.GetRSAPublicKey();
                return rsa is not null && rsa.VerifyData(_tbs.Span, _signature, hash, RSASignaturePadding.Pkcs1);
            }
            using var ecdsa = certificate.GetECDsaPublicKey();
            return ecdsa is not null && ecdsa.VerifyData(_tbs.Span, _signature, hash, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>Parses a DER CRL; on failure <paramref name="error"/> says why (for the log).</summary>
    public static bool TryParse(byte[] der, out CertificateRevocationList? crl, out string? error)
    {
        crl = null;
        try
        {
            crl = Parse(der, out error);
            return crl is not null;
        }
        catch (Exception e) when (e is AsnContentException or CryptographicException or ArgumentException)
        {
            error = "malformed CRL: " + e.Message;
            return false;
        }
    }

    private static CertificateRevocationList? Parse(byte[] der, out string? error)
    {
        var outer = new AsnReader(der, AsnEncodingRules.DER);
        var certList = outer.ReadSequence();
        outer.ThrowIfNotEmpty();
        var tbsEncoded = certList.PeekEncodedValue();
        var tbs = certList.ReadSequence();
        var algorithm = certList.ReadSequence().ReadObjectIdentifier();
        var signature = certList.ReadBitString(out _);
        certList.ThrowIfNotEmpty();

        if (tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Integer))
        {
            tbs.ReadInteger(); // version v2
        }
        var innerAlgorithm = tbs.ReadSequence().ReadObjectIdentifier();
        if (innerAlgorithm != algorithm)
        {
            error = "signature algorithms differ";
            return null;
        }
        var issuer = tbs.ReadEncodedValue().ToArray();
        var thisUpdate = ReadTime(tbs);
        DateTimeOffset? nextUpdate = null;
        if (tbs.HasData && (tbs.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) || tbs.PeekTag().HasSameClassAndValue(Asn1Tag.GeneralizedTime)))
        {
            nextUpdate = ReadTime(tbs);
        }
        var revoked = new HashSet<string>(StringComparer.Ordinal);
        if (tbs.HasData && tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
        {
            var entries = tbs.ReadSequence();
            while (entries.HasData)
            {
                var entry = entries.ReadSequence();
                var serial = entry.ReadIntegerBytes().Span;
                ReadTime(entry);
                if (entry.HasData && !CheckExtensions(entry.ReadSequence(), [ReasonCodeOid, InvalidityDateOid], out error))
                {
                    return null;
                }
                revoked.Add(NormalizeSerial(serial));
            }
        }
        if (tbs.HasData)
        {
            var wrapper = tbs.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0));
            if (!CheckExtensions(wrapper.ReadSequence(), KnownCrlExtensions, out error))
            {
                return null;
            }
        }
        tbs.ThrowIfNotEmpty();
        error = null;
        return new CertificateRevocationList(issuer, thisUpdate, nextUpdate, revoked, tbsEncoded, algorithm, signature);
    }

    /// <summary>False when a critical extension is not one we understand (delta CRL, indirect entries, …).</summary>
    private static bool CheckExtensions(AsnReader extensions, IReadOnlyCollection<string> understood, out string? error)
    {
        while (extensions.HasData)
        {
            var extension = extensions.ReadSequence();
            var oid = extension.ReadObjectIdentifier();
            var critical = extension.PeekTag().HasSameClassAndValue(Asn1Tag.Boolean) && extension.ReadBoolean();
            if (critical && !understood.Contains(oid))
            {
                error = $"unsupported critical extension {oid}";
                return false;
            }
        }
        error = null;
        return true;
    }

    private static DateTimeOffset ReadTime(AsnReader reader) =>
        reader.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) ? reader.ReadUtcTime() : reader.ReadGeneralizedTime();

    /// <summary>Big-endian serial without leading zero octets, as hex (how CRL entries and certificates are compared).</summary>
    private static string NormalizeSerial(ReadOnlySpan<byte> serial)
    {
        while (serial.Length > 1 && serial[0] == 0)
        {
            serial = serial[1..];
        }
        return Convert.ToHexString(serial);
    }
}
