namespace Tss.Trust;

/// <summary>A chain verification result. <see cref="Detail"/> is a short English diagnostic for logs (never key material).</summary>
/// <param name="RevocationChecked">False when revocation was not established (NoCheck, or Offline without a covering CRL).</param>
public sealed record ChainVerdict(ChainStatus Status, string Detail, bool RevocationChecked)
{
    public bool IsTrusted => Status == ChainStatus.Trusted;
}
