namespace Tss.Tenancy.ApiKeys;

/// <summary>A new API key. <see cref="Key"/> is shown once and never stored; only its hash is.</summary>
public sealed record CreatedApiKey(string TenantId, string KeyId, string Key);
