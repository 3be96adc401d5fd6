namespace Tss.Tenancy;

/// <summary>The error-code catalogue of Tss.Tenancy (API answers and CLI messages carry these codes): tenants and entities
/// at the root, one group per further area. A code string is declared once in the whole product (ErrorCodeCatalogueTests).</summary>
public static class TenancyErrorCodes
{
    public const string TenantNotFound = "tenant.not_found";
    public const string TenantNameInvalid = "tenant.invalid_name";
    public const string TenantExists = "tenant.exists";
    public const string EntityNotFound = "entity.not_found";
    public const string CnpjInvalid = "entity.invalid_cnpj";
    public const string UfInvalid = "entity.invalid_uf";
    public const string EnvironmentInvalid = "entity.invalid_environment";
    public const string IeInvalid = "entity.invalid_ie";
    public const string WebhookInvalid = "entity.invalid_webhook";
    public const string EmailInvalid = "entity.invalid_email";
    public const string CscInvalid = "entity.invalid_csc";
    public const string CertificateRequired = "entity.certificate_required";
    public const string ApiKeyNotFound = "apikey.not_found";

    /// <summary>Stable codes of credit refusals (carried by <see cref="TenancyException.Code"/>).</summary>
    public static class Credits
    {
        public const string TenantInvalid = "credits.invalid_tenant";
        public const string AmountInvalid = "credits.invalid_amount";
        public const string ReferenceInvalid = "credits.invalid_reference";
        public const string DebitKeyInvalid = "credits.invalid_debit_key";
        public const string ThresholdInvalid = "credits.invalid_threshold";
        public const string EmailInvalid = "credits.invalid_email";
        public const string PageSizeInvalid = "credits.invalid_page_size";
        public const string ContinuationInvalid = "credits.invalid_continuation";
        public const string Contention = "credits.contention";
    }

    /// <summary>Stable codes for refused certificate uploads.</summary>
    public static class Certificates
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

    /// <summary>Stable codes of the secret store (webhook secret, NFC-e CSC).</summary>
    public static class Secrets
    {
        public const string NotFound = "secret.not_found";
        public const string Undecryptable = "secret.undecryptable";
    }
}
