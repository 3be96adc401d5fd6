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
    public const string TooLarge = "certificate.too_large";
    public const string NotFound = "certificate.not_found";
    public const string Undecryptable = "certificate.undecryptable";
}
