namespace Tss.Tenancy.Secrets;

/// <summary>Which secret of which entity.</summary>
public readonly record struct SecretName(string TenantId, string Cnpj, SecretKind Kind)
{
    /// <summary>A short, stable name of the kind, used in blob paths and Key Vault names.</summary>
    public string KindName => Kind switch
    {
        SecretKind.WebhookSecret => "webhook",
        SecretKind.NfceCsc => "csc",
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, null),
    };
}
