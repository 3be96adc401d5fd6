namespace Tss.Portal.Tenants;

/// <summary>A new tenant with its first user (the tenant's administrator).</summary>
public sealed record SignUpRequest(string CompanyName, string Cnpj, string Email, string Password, string ConfirmPassword);
