namespace Tss.Tenancy.Entities;

/// <summary>
/// Adds or updates an entity. A new entity needs a certificate (PFX + password); on update the certificate is
/// replaced only when one is given. The password is used to open the PFX and then dropped.
/// </summary>
public sealed record EntityRegistration
{
    public required string TenantId { get; init; }
    public required string Cnpj { get; init; }
    public required string Uf { get; init; }
    public required int tpAmb { get; init; }
    public string? IE { get; init; }
    public byte[]? Pfx { get; init; }
    public string? PfxPassword { get; init; }
    public Uri? WebhookUrl { get; init; }
    /// <summary>A new webhook secret; null or empty keeps the one on file (required when there is none and a URL is given).</summary>
    public string? WebhookSecret { get; init; }
    public string? Email { get; init; }

    /// <summary>The NFC-e CSC for the QR code v2; null keeps the one the entity has (if any).</summary>
    public Tss.Protocol.Nfce.NfceCsc? NfceCsc { get; init; }

    /// <summary>A new idCSC for the CSC on file (when <see cref="NfceCsc"/> is null); ignored when there is no CSC on file.</summary>
    public string? NfceCscId { get; init; }
}
