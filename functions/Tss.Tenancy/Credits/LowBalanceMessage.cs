namespace Tss.Tenancy.Credits;

/// <summary>"Send the tenant's pending low-balance e-mails" (the e-mails themselves are rows in the credits table).</summary>
public sealed record LowBalanceMessage(string TenantId);
