using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tss.Trust.Revocation;

namespace Tss.Trust;

/// <summary>
/// Decides whether a certificate is trusted: its chain must build to a configured anchor (<see cref="TrustAnchors"/>)
/// for the purpose asked, and, unless revocation is off, no certificate of the chain below the anchor may be on its
/// issuer's CRL (<see cref="TrustRevocationMode"/>).
/// </summary>
public sealed class ChainVerifier : IDisposable
{
    private readonly TrustAnchors _anchors;
    private readonly ILogger _logger;
    private readonly Lazy<CrlCache> _crls;

    /// <param name="crlHandler">Transport for CRL downloads (tests); a bounded <see cref="SocketsHttpHandler"/> by default.</param>
    public ChainVerifier(TrustAnchors anchors, TimeProvider? time = null, ILogger<ChainVerifier>? logger = null, HttpMessageHandler? crlHandler = null)
    {
        ArgumentNullException.ThrowIfNull(anchors);
        _anchors = anchors;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _crls = new Lazy<CrlCache>(() => new CrlCache(anchors.Options, anchors.CrlFiles, crlHandler, time ?? TimeProvider.System, _logger));
    }

    /// <summary>Verifies <paramref name="certificate"/> as of <paramref name="at"/>.</summary>
    /// <param name="supplied">Other certificates that came with it (the PFX's chain); used to build the chain, never trusted.</param>
    public async Task<ChainVerdict> VerifyAsync(X509Certificate2 certificate, IEnumerable<X509Certificate2>? supplied, CertificatePurpose purpose, DateTimeOffset at,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        using var chain = _anchors.BuildChain(certificate, supplied, purpose, at, out var built);
        if (!built)
        {
            var partial = chain.ChainStatus.Any(s => s.Status == X509ChainStatusFlags.PartialChain);
            return Refused(certificate, new ChainVerdict(partial ? ChainStatus.IncompleteChain : ChainStatus.Untrusted, TrustAnchors.Describe(chain), false));
        }
        var mode = _anchors.Options.RevocationMode;
        if (mode == TrustRevocationMode.NoCheck)
        {
            return new ChainVerdict(ChainStatus.Trusted, "revocation not checked (NoCheck)", false);
        }
        var unknown = new List<string>();
        // Every element but the anchor itself, each against the CRL of the element above it.
        for (var i = 0; i < chain.ChainElements.Count - 1; i++)
        {
            var subject = chain.ChainElements[i].Certificate;
            var issuer = chain.ChainElements[i + 1].Certificate;
            var answer = await _crls.Value.StatusAsync(subject, issuer, at, mode == TrustRevocationMode.Online, ct).ConfigureAwait(false);
            if (answer.State == RevocationState.Revoked)
            {
                return Refused(certificate, new ChainVerdict(ChainStatus.Revoked, $"{subject.Subject}: {answer.Detail}", true));
            }
            if (answer.State == RevocationState.Unknown)
            {
                unknown.Add($"{subject.Subject}: {answer.Detail}");
            }
        }
        if (unknown.Count == 0)
        {
            return new ChainVerdict(ChainStatus.Trusted, "chain and revocation verified", true);
        }
        var detail = string.Join("; ", unknown);
        if (mode == TrustRevocationMode.Online)
        {
            return Refused(certificate, new ChainVerdict(ChainStatus.RevocationUnknown, detail, false));
        }
        Log.AcceptedWithoutRevocation(_logger, certificate.Subject, certificate.Thumbprint, detail);
        return new ChainVerdict(ChainStatus.Trusted, detail, false);
    }

    private ChainVerdict Refused(X509Certificate2 certificate, ChainVerdict verdict)
    {
        Log.ChainRefused(_logger, certificate.Subject, certificate.Thumbprint, verdict.Status, verdict.Detail);
        return verdict;
    }

    public void Dispose()
    {
        if (_crls.IsValueCreated)
        {
            _crls.Value.Dispose();
        }
    }
}
