using Azure;
using Azure.Data.Tables;

namespace Tss.Tenancy.Entities;

/// <summary>
/// An issuing company of a tenant: partition = tenant id, row = CNPJ — the lookup of a request is a point read.
/// Holds a reference into the certificate store, never the certificate itself.
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

    /// <summary>HMAC-SHA256 secret for webhook signatures (chosen by the tenant; needed in clear to sign).</summary>
    public string? WebhookSecret { get; set; }

    public string? Email { get; set; }

    /// <summary>idCSC of the NFC-e CSC (1–6 digits), or null: NFC-e then get the QR code v3, which needs none.</summary>
    public string? NfceCscId { get; set; }

    /// <summary>The CSC itself (needed in clear to hash the QR code v2). Never shown again once saved.</summary>
    public string? NfceCscToken { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
