using System.Security.Cryptography.X509Certificates;

namespace Tss.Protocol.Signing;

/// <summary>The result of verifying one enveloped signature.</summary>
/// <param name="Failure">None when valid.</param>
/// <param name="Detail">Human-readable reason (English).</param>
/// <param name="Certificate">The signer's certificate from KeyInfo, when it could be read.</param>
/// <param name="DigestValue">The DigestValue text (SEFAZ echoes it as digVal).</param>
public sealed record SignatureCheck(SignatureFailure Failure, string Detail, X509Certificate2? Certificate, string? DigestValue)
{
    public bool IsValid => Failure == SignatureFailure.None;
}
