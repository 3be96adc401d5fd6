namespace Tss.Trust;

/// <summary>What a certificate must be valid for (its extended key usage, checked along the chain).</summary>
public enum CertificatePurpose
{
    /// <summary>TLS client authentication (1.3.6.1.5.5.7.3.2): an A1 e-CNPJ that signs and connects to SEFAZ.</summary>
    ClientAuthentication,

    /// <summary>TLS server authentication (1.3.6.1.5.5.7.3.1): an authorizer's HTTPS certificate.</summary>
    ServerAuthentication,
}
