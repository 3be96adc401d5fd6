namespace Tss.Trust;

/// <summary>How certificate revocation is checked (configuration <c>Certificates:TrustAnchors:RevocationMode</c>).</summary>
public enum TrustRevocationMode
{
    /// <summary>
    /// The CRLs of every certificate in the chain are fetched over HTTP from its distribution points (cached until their
    /// nextUpdate) and configured CRL files are used too. A certificate whose status cannot be established is refused.
    /// The default.
    /// </summary>
    Online,

    /// <summary>
    /// Only the CRL files the operator configures (<see cref="TrustAnchorOptions.CrlPaths"/>); nothing is fetched. A
    /// certificate listed there is refused; one no current CRL covers is accepted with a logged warning.
    /// </summary>
    Offline,

    /// <summary>No revocation check (development and tests with a test CA that publishes no CRL).</summary>
    NoCheck,
}
