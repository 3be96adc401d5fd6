using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Tss.DevTools.Pki.Internal;

namespace Tss.DevTools.Pki;

public sealed partial class TestCertificateAuthority
{
    private readonly Lock _revocationLock = new();
    private readonly List<(byte[] Serial, DateTimeOffset When)> _revoked = [];
    private BigInteger _crlNumber;

    /// <summary>When set, every certificate issued afterwards names this URL as its CRL distribution point (serve <see cref="BuildCrl"/> there).</summary>
    public Uri? CrlUrl { get; set; }

    /// <summary>Puts <paramref name="certificate"/> (issued by this CA) on the next <see cref="BuildCrl"/>.</summary>
    public void Revoke(X509Certificate2 certificate, DateTimeOffset? when = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        lock (_revocationLock)
        {
            _revoked.Add((certificate.SerialNumberBytes.ToArray(), when ?? _time.GetUtcNow().AddMinutes(-1)));
        }
    }

    /// <summary>A DER CRL signed by this CA listing what <see cref="Revoke"/> recorded. Defaults: issued an hour ago, next update in 30 days.</summary>
    public byte[] BuildCrl(DateTimeOffset? thisUpdate = null, DateTimeOffset? nextUpdate = null)
    {
        var now = _time.GetUtcNow();
        var builder = new CertificateRevocationListBuilder();
        BigInteger number;
        lock (_revocationLock)
        {
            foreach (var (serial, when) in _revoked)
            {
                builder.AddEntry(serial, when, X509RevocationReason.KeyCompromise);
            }
            number = ++_crlNumber;
        }
        return builder.Build(_certificate, number, nextUpdate ?? now.AddDays(30), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, thisUpdate ?? now.AddHours(-1));
    }

    /// <summary>
    /// A subordinate CA issued by this one (path length 0), valid from a year ago for ten years; it names this CA's
    /// <see cref="CrlUrl"/> when set. Its own issued certificates chain through it to this CA.
    /// </summary>
    public TestCertificateAuthority CreateIntermediate(string commonName)
    {
        ArgumentException.ThrowIfNullOrEmpty(commonName);
        var now = _time.GetUtcNow();
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(CertificateProfiles.CaSubject(commonName), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        CertificateProfiles.AddIntermediateExtensions(request, _certificate);
        return new TestCertificateAuthority(Issue(request, key, now.AddYears(-1), now.AddYears(10)), _time);
    }
}
