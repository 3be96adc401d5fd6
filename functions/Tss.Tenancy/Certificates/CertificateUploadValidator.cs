using System.Security.Cryptography.X509Certificates;
using Tss.Trust;

namespace Tss.Tenancy.Certificates;

/// <summary>
/// Everything an uploaded A1 must pass before a store keeps it: the file checks of <see cref="CertificateValidation"/>,
/// then its chain — it must build to a configured trust anchor (the ICP-Brasil roots in production) with the PFX's own
/// chain and the configured intermediates, be valid for TLS client authentication, and not be revoked. Without this a
/// self-signed certificate carrying any CNPJ would claim that company.
/// </summary>
public sealed class CertificateUploadValidator(ChainVerifier chains, TimeProvider time)
{
    /// <summary>Opens and checks the PFX; the returned certificate (with an exportable, ephemeral key) belongs to the caller.</summary>
    /// <exception cref="TenancyException">With one of <see cref="TenancyErrorCodes.Certificates"/>; the message is pt-BR.</exception>
    public async Task<X509Certificate2> OpenAsync(byte[] pfx, string password, string entityCnpj, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var certificate = CertificateValidation.Open(pfx, password, entityCnpj, now);
        try
        {
            var others = CertificateValidation.OtherCertificates(pfx, password, certificate);
            ChainVerdict verdict;
            try
            {
                verdict = await chains.VerifyAsync(certificate, others, CertificatePurpose.ClientAuthentication, now, ct).ConfigureAwait(false);
            }
            finally
            {
                foreach (var other in others)
                {
                    other.Dispose();
                }
            }
            if (Refusal(verdict) is { } refusal)
            {
                throw refusal;
            }
            return certificate;
        }
        catch
        {
            certificate.Dispose();
            throw;
        }
    }

    private static TenancyException? Refusal(ChainVerdict verdict) => verdict.Status switch
    {
        ChainStatus.Trusted => null,
        ChainStatus.IncompleteChain => new TenancyException(TenancyErrorCodes.Certificates.UntrustedChain,
            "A cadeia do certificado não chega a uma autoridade certificadora ICP-Brasil confiável: falta a AC que o emitiu. " +
            "Se o certificado é ICP-Brasil, exporte o arquivo .pfx com a cadeia completa (incluindo as ACs intermediárias)."),
        ChainStatus.Revoked => new TenancyException(TenancyErrorCodes.Certificates.Revoked,
            "O certificado foi revogado pela autoridade certificadora (consta da lista de certificados revogados) e não pode ser usado."),
        ChainStatus.RevocationUnknown => new TenancyException(TenancyErrorCodes.Certificates.RevocationUnknown,
            "Não foi possível confirmar junto à autoridade certificadora que o certificado não foi revogado (lista de certificados revogados " +
            "indisponível). Tente novamente em alguns minutos."),
        _ => new TenancyException(TenancyErrorCodes.Certificates.UntrustedChain,
            "O certificado não foi emitido por uma autoridade certificadora ICP-Brasil confiável (certificado autoassinado ou de AC desconhecida)."),
    };
}
