namespace Tss.Tenancy.Certificates;

/// <summary>
/// The local encrypted certificate store (section "Certificates"). Each certificate is encrypted with its own random
/// data key (AES-256-GCM); the data key is wrapped with <see cref="MasterKey"/>. Losing the master key loses the
/// certificates; changing it needs a new <see cref="MasterKeyId"/> (old envelopes name the key that wrapped them).
/// </summary>
public sealed class CertificateStoreOptions
{
    public const string Section = "Certificates";

    /// <summary>Base64 of 32 random bytes (e.g. <c>openssl rand -base64 32</c>). Keep it out of source control in production.</summary>
    public string? MasterKey { get; set; }

    /// <summary>Name of the master key, recorded in every envelope.</summary>
    public string MasterKeyId { get; set; } = "local-1";

    /// <summary>Blob container of the envelopes.</summary>
    public string Container { get; set; } = "certificates";
}
