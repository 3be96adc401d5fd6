namespace Tss.Tenancy.Secrets;

/// <summary>The secrets an entity has.</summary>
public enum SecretKind
{
    /// <summary>The HMAC-SHA256 key of webhook signatures (chosen by the tenant).</summary>
    WebhookSecret,

    /// <summary>The NFC-e CSC token (the QR code v2 hash); its idCSC is not secret and stays in the row.</summary>
    NfceCsc,
}
