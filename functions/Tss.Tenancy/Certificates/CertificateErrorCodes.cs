namespace Tss.Tenancy.Certificates;

/// <summary>Stable codes for refused certificate uploads.</summary>
public static class CertificateErrorCodes
{
    public const string NotPkcs12 = "certificate.invalid_file";
    public const string WrongPassword = "certificate.wrong_password";
    public const string NoPrivateKey = "certificate.no_private_key";
    public const string Expired = "certificate.expired";
    public const string NotYetValid = "certificate.not_yet_valid";
    public const string NoCnpj = "certificate.no_cnpj";
    public const string CnpjMismatch = "certificate.cnpj_mismatch";
    /// <summary>The chain does not reach a configured trust anchor (self-signed, unknown CA, missing intermediate).</summary>
    public const string UntrustedChain = "certificate.untrusted_chain";
    /// <summary>A certificate of the chain is on its issuer's CRL.</summary>
    public const string Revoked = "certificate.revoked";
    /// <summary>Online revocation checking could not establish the status (CRL unavailable, stale or unreadable).</summary>
    public const string RevocationUnknown = "certificate.revocation_unknown";
    public const string TooLarge = "certificate.too_large";
    public const string NotFound = "certificate.not_found";
    public const string Undecryptable = "certificate.undecryptable";
}
