namespace Tss.Tenancy.Credits;

/// <summary>Stable codes of credit refusals (carried by <see cref="TenancyException.Code"/>).</summary>
public static class CreditErrorCodes
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
