using System.Runtime.Serialization;
using Azure;
using Azure.Data.Tables;

namespace Tss.Tenancy.Entities;

/// <summary>
/// An issuing company of a tenant: partition = tenant id, row = CNPJ — the lookup of a request is a point read.
/// Holds references into the certificate and secret stores, never the certificate or a secret itself (rows written
/// before the secret store held <see cref="WebhookSecret"/> and <see cref="NfceCscToken"/> in clear; they are moved to
/// the store by <see cref="Secrets.EntitySecretMigration"/>).
/// </summary>
public sealed class EntityRecord : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string TenantId => PartitionKey;
    public string Cnpj => RowKey;

    /// <summary>Inscrição estadual (digits or "ISENTO"), optional.</summary>
    public string? IE { get; set; }

    /// <summary>UF abbreviation of the emitter.</summary>
    public string Uf { get; set; } = "";

    /// <summary>1 production, 2 homologation.</summary>
    public int tpAmb { get; set; }

    public string CertificateRef { get; set; } = "";
    public string CertificateThumbprint { get; set; } = "";
    public string? CertificateSubjectCnpj { get; set; }
    public DateTimeOffset CertificateNotAfter { get; set; }

    public string? WebhookUrl { get; set; }

    /// <summary>Legacy: the webhook secret in clear, as rows held it before the secret store. Never written any more.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Secret-store reference of the HMAC-SHA256 webhook secret (chosen by the tenant; read in clear only to sign).</summary>
    public string? WebhookSecretRef { get; set; }

    public string? Email { get; set; }

    /// <summary>idCSC of the NFC-e CSC (1–6 digits), or null: NFC-e then get the QR code v3, which needs none.</summary>
    public string? NfceCscId { get; set; }

    /// <summary>Legacy: the CSC in clear, as rows held it before the secret store. Never written any more.</summary>
    public string? NfceCscToken { get; set; }

    /// <summary>Secret-store reference of the CSC (read in clear only to hash the QR code v2). Never shown again once saved.</summary>
    public string? NfceCscTokenRef { get; set; }

    /// <summary>Whether a webhook secret is on file (in the store, or still in clear before migration).</summary>
    [IgnoreDataMember]
    public bool HasWebhookSecret => !string.IsNullOrEmpty(WebhookSecretRef) || !string.IsNullOrEmpty(WebhookSecret);

    /// <summary>Whether a CSC is on file (in the store, or still in clear before migration).</summary>
    [IgnoreDataMember]
    public bool HasNfceCscToken => !string.IsNullOrEmpty(NfceCscTokenRef) || !string.IsNullOrEmpty(NfceCscToken);

    /// <summary>Whether the row still holds a secret in clear (a row written before the secret store).</summary>
    [IgnoreDataMember]
    public bool HasClearSecrets => !string.IsNullOrEmpty(WebhookSecret) || !string.IsNullOrEmpty(NfceCscToken);
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
