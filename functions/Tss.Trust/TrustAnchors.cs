using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Tss.Trust.Internal;

namespace Tss.Trust;

/// <summary>
/// The configured trust anchors and intermediates (<see cref="TrustAnchorOptions"/>), read once on first use, and chain
/// building against them only: <see cref="X509ChainTrustMode.CustomRootTrust"/>, never the machine's root store, no
/// certificate downloads (an uploaded file must not make the service fetch URLs it names).
/// </summary>
public sealed class TrustAnchors : IDisposable
{
    private static readonly Oid ClientAuth = new("1.3.6.1.5.5.7.3.2");
    private static readonly Oid ServerAuth = new("1.3.6.1.5.5.7.3.1");

    private readonly IOptions<TrustAnchorOptions> _options;
    private readonly Lazy<LoadedTrust> _loaded;

    public TrustAnchors(IOptions<TrustAnchorOptions> options, ILogger<TrustAnchors>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        var log = logger ?? (ILogger)NullLogger.Instance;
        _loaded = new Lazy<LoadedTrust>(() =>
        {
            var loaded = LoadedTrust.Load(options.Value);
            Log.AnchorsLoaded(log, loaded.Anchors.Count, string.Join("; ", loaded.Anchors.Select(a => a.GetNameInfo(X509NameType.SimpleName, false))),
                loaded.Intermediates.Count, loaded.CrlFiles.Count, options.Value.RevocationMode);
            return loaded;
        });
    }

    /// <summary>The options the anchors are read from (validated on first access).</summary>
    public TrustAnchorOptions Options => _options.Value;

    /// <summary>The anchors (do not dispose them).</summary>
    /// <exception cref="InvalidOperationException">The configuration names no anchor or an unreadable file.</exception>
    public X509Certificate2Collection Anchors => _loaded.Value.Anchors;

    /// <summary>The configured intermediates (never trusted by themselves).</summary>
    public X509Certificate2Collection Intermediates => _loaded.Value.Intermediates;

    internal IReadOnlyList<(string File, byte[] Der)> CrlFiles => _loaded.Value.CrlFiles;

    /// <summary>
    /// Builds the chain of <paramref name="certificate"/> to one of the anchors (plus <paramref name="extraAnchors"/>),
    /// completing it with <paramref name="supplied"/> certificates (from the PFX or the TLS handshake) and the configured
    /// intermediates, as of <paramref name="at"/>. Revocation is not checked here. The caller disposes the chain.
    /// </summary>
    public X509Chain BuildChain(X509Certificate2 certificate, IEnumerable<X509Certificate2>? supplied, CertificatePurpose purpose, DateTimeOffset at,
        out bool trusted, IEnumerable<X509Certificate2>? extraAnchors = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var chain = new X509Chain();
        var policy = chain.ChainPolicy;
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        policy.CustomTrustStore.AddRange(Anchors);
        foreach (var extra in extraAnchors ?? [])
        {
            policy.CustomTrustStore.Add(extra);
        }
        policy.ExtraStore.AddRange(Intermediates);
        foreach (var other in supplied ?? [])
        {
            policy.ExtraStore.Add(other);
        }
        // Revocation is ours (CRLs with size and time bounds, see ChainVerifier); downloads are never made from here.
        policy.RevocationMode = X509RevocationMode.NoCheck;
        policy.DisableCertificateDownloads = true;
        policy.VerificationTime = at.UtcDateTime;
        policy.VerificationTimeIgnored = false;
        policy.ApplicationPolicy.Add(purpose == CertificatePurpose.ServerAuthentication ? ServerAuth : ClientAuth);
        trusted = chain.Build(certificate);
        return chain;
    }

    /// <summary>The chain's problems as one line ("PartialChain: …; UntrustedRoot: …"), for logs.</summary>
    public static string Describe(X509Chain chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var flags = chain.ChainStatus.Select(s => s.Status)
            .Concat(chain.ChainElements.SelectMany(e => e.ChainElementStatus.Select(s => s.Status)))
            .Where(s => s != X509ChainStatusFlags.NoError)
            .Distinct();
        var text = string.Join(", ", flags);
        return text.Length == 0 ? "NoError" : text;
    }

    public void Dispose()
    {
        if (_loaded.IsValueCreated)
        {
            foreach (var certificate in _loaded.Value.Anchors.Concat(_loaded.Value.Intermediates))
            {
                certificate.Dispose();
            }
        }
    }
}
