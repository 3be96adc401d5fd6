using Tss.Tenancy;
using Tss.Tenancy.Certificates;

namespace Tss.Portal.Entities;

/// <summary>What the portal says for each refusal of the certificate store (the store's own pt-BR detail follows).</summary>
public static class CertificateMessages
{
    private static readonly Dictionary<string, string> Headlines = new(StringComparer.Ordinal)
    {
        [TenancyErrorCodes.Certificates.WrongPassword] = "A senha informada não abre este certificado.",
        [TenancyErrorCodes.Certificates.NotPkcs12] = "O arquivo enviado não é um certificado A1 (.pfx ou .p12).",
        [TenancyErrorCodes.Certificates.NoPrivateKey] = "O arquivo não contém a chave privada: exporte o certificado A1 com a chave privada.",
        [TenancyErrorCodes.Certificates.Expired] = "Este certificado está vencido.",
        [TenancyErrorCodes.Certificates.NotYetValid] = "Este certificado ainda não é válido.",
        [TenancyErrorCodes.Certificates.NoCnpj] = "Este certificado não é um e-CNPJ ICP-Brasil.",
        [TenancyErrorCodes.Certificates.CnpjMismatch] = "Este certificado é de outra empresa (a raiz do CNPJ não confere).",
        [TenancyErrorCodes.Certificates.TooLarge] = "O arquivo é grande demais para um certificado A1.",
        [TenancyErrorCodes.Certificates.UntrustedChain] = "Este certificado não é de uma autoridade certificadora ICP-Brasil confiável.",
        [TenancyErrorCodes.Certificates.Revoked] = "Este certificado foi revogado.",
        [TenancyErrorCodes.Certificates.RevocationUnknown] = "Não foi possível confirmar a situação do certificado junto à autoridade certificadora.",
    };

    /// <summary>The message to show for a refused upload.</summary>
    public static string For(TenancyException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Headlines.TryGetValue(e.Code, out var headline)
            ? (e.Code == TenancyErrorCodes.Certificates.WrongPassword ? headline : $"{headline} {e.Message}")
            : e.Message;
    }

    /// <summary>True for the codes of <see cref="TenancyErrorCodes.Certificates"/>.</summary>
    public static bool IsCertificateCode(string code) => code.StartsWith("certificate.", StringComparison.Ordinal);
}
