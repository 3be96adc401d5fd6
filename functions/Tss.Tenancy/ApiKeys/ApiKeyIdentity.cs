namespace Tss.Tenancy.ApiKeys;

/// <summary>Who a valid API key speaks for.</summary>
public sealed record ApiKeyIdentity(string TenantId, string KeyId);
