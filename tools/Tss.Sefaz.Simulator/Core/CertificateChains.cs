using System.Security.Cryptography.X509Certificates;

namespace Tss.Sefaz.Simulator.Core;

/// <summary>Chain checks against the simulator's client CA (which plays the ICP-Brasil root).</summary>
public static class CertificateChains
{
    /// <summary>
    /// True when <paramref name="certificate"/> chains to <paramref name="root"/>. Time validity is ignored here: SEFAZ
    /// reports it separately (281/291) and judges it at its own clock, not the machine's.
    /// </summary>
    public static bool ChainsTo(X509Certificate2 certificate, X509Certificate2 root)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(root);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.IgnoreNotTimeValid
            | X509VerificationFlags.IgnoreCtlNotTimeValid | X509VerificationFlags.IgnoreNotTimeNested;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        if (!chain.Build(certificate))
        {
            return false;
        }

        var top = chain.ChainElements[^1].Certificate;
        return top.RawDataMemory.Span.SequenceEqual(root.RawDataMemory.Span);
    }
}
