namespace Tss.Tenancy;

/// <summary>Stable machine-readable codes of the tenant store (API answers and CLI messages carry them).</summary>
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
}
