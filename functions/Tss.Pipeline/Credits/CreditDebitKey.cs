using Tss.Protocol.AccessKeys;
namespace Tss.Pipeline.Credits;

/// <summary>
/// The send identity a credit is debited for: the access key plus the DigestValue of the signed document. A requeue,
/// resend or reconciliation of the same signed document has the same key (never debited twice); a document corrected
/// after a rejection is signed again, has another digest, and is a new send.
/// </summary>
public static class CreditDebitKey
{
    /// <summary>"{chNFe}:{DigestValue}" (the digest in base64url, so the key is safe in table keys and URLs).</summary>
    public static string For(AccessKey key, string digestValue)
    {
        ArgumentException.ThrowIfNullOrEmpty(digestValue);
        return $"{key.Value}:{digestValue.TrimEnd('=').Replace('+', '-').Replace('/', '_')}";
    }
}
