namespace Tss.Trust;

/// <summary>
/// The trust anchors (section <c>Certificates:TrustAnchors</c>), validated when the host starts. Certificates uploaded
/// by customers must chain to one of them, and the SEFAZ client trusts the authorizers' server certificates through
/// them. Paths are files (PEM with one or more certificates, or DER; .crt, .cer, .pem) or directories of such files,
/// relative to the working directory; blank entries are ignored.
/// </summary>
public sealed class TrustAnchorOptions
{
    public const string Section = "Certificates:TrustAnchors";

    /// <summary>Trust the ICP-Brasil roots shipped with the service (AC Raiz v5, v10, v11, v12). On by default.</summary>
    public bool IcpBrasil { get; set; } = true;

    /// <summary>Further anchors (e.g. the local test CA, <c>.tss/pki/ca.crt</c>). Only where configured.</summary>
    public List<string> Paths { get; set; } = [];

    /// <summary>
    /// Intermediate CAs used to complete chains (e.g. the ITI's bundle of ICP-Brasil ACs unpacked in a directory), for
    /// PFX files exported without their chain. They are never trusted by themselves.
    /// </summary>
    public List<string> IntermediatePaths { get; set; } = [];

    /// <summary>How revocation is checked; <see cref="TrustRevocationMode.Online"/> by default.</summary>
    public TrustRevocationMode RevocationMode { get; set; } = TrustRevocationMode.Online;

    /// <summary>CRL files (DER or PEM) used before fetching anything, and the only source in Offline mode.</summary>
    public List<string> CrlPaths { get; set; } = [];

    /// <summary>Patience for one CRL download.</summary>
    public TimeSpan CrlTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Largest CRL accepted (some ICP-Brasil ACs publish lists of several MB).</summary>
    public int CrlMaxBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>After a failed download, how long the same URL is not asked again (the answer stays "unknown").</summary>
    public TimeSpan CrlRetryAfterFailure { get; set; } = TimeSpan.FromSeconds(30);
}
