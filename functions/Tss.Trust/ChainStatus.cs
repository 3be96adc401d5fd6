namespace Tss.Trust;

/// <summary>The outcome of <see cref="ChainVerifier.VerifyAsync"/>.</summary>
public enum ChainStatus
{
    /// <summary>Chains to an anchor, valid for the purpose, not revoked (or revocation not checked by configuration).</summary>
    Trusted,

    /// <summary>Chains to no anchor (self-signed, an untrusted root), or the chain is invalid (dates, usage, signature).</summary>
    Untrusted,

    /// <summary>No chain could be built: an issuing CA is missing from the file and from the configured intermediates.</summary>
    IncompleteChain,

    /// <summary>A certificate of the chain is on its issuer's CRL.</summary>
    Revoked,

    /// <summary>Online revocation checking could not establish the status (no CRL, download failed, stale CRL).</summary>
    RevocationUnknown,
}
