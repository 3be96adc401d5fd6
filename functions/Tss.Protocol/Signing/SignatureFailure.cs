namespace Tss.Protocol.Signing;

/// <summary>Why a signature was refused. Values map to SEFAZ cStat where one exists.</summary>
public enum SignatureFailure
{
    None = 0,
    /// <summary>No Signature element where one is required (cStat 225 family; SEFAZ answers a schema error).</summary>
    Missing,
    /// <summary>Algorithms, transforms or KeyInfo outside the SEFAZ profile (cStat 298).</summary>
    NotStandard,
    /// <summary>The Reference does not resolve to the signed element of this document (wrapping; cStat 298).</summary>
    ReferenceMismatch,
    /// <summary>DigestValue does not match the canonical element (cStat 297).</summary>
    DigestMismatch,
    /// <summary>SignatureValue does not verify with the certificate's key (cStat 297).</summary>
    SignatureInvalid,
    /// <summary>The embedded certificate cannot be read (cStat 290).</summary>
    CertificateUnreadable,
}
