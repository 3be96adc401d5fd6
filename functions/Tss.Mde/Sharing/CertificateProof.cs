using Microsoft.Extensions.Logging;
using Tss.Contracts.Entities;
using Tss.Protocol.Certificates;
using Tss.Protocol.Parties;

namespace Tss.Mde.Sharing;

/// <summary>
/// What proves that a tenant's entity is the company of its CNPJ for MD-e: a certificate of its own in the store, with
/// its private key and an ICP-Brasil CNPJ of the same company (root). The store validated it at upload (chain checks
/// belong there); registering a CNPJ another tenant holds proves nothing by itself.
/// </summary>
public sealed class CertificateProof(IEntityDirectory entities, ILogger<CertificateProof> logger)
{
    /// <summary>True when the entity has a usable certificate of its CNPJ; a store failure counts as "no" (fail closed).</summary>
    public async Task<bool> IsProvedAsync(EntityInfo entity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (string.IsNullOrEmpty(entity.CertificateRef))
        {
            return false;
        }
        try
        {
            var certificate = await entities.GetCertificateAsync(entity, ct).ConfigureAwait(false);
            return certificate.HasPrivateKey && IcpBrasilCertificate.GetCnpj(certificate) is { } cnpj && Cnpj.Root(cnpj) == Cnpj.Root(entity.Cnpj);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.CertificateUnusable(logger, entity.TenantId, entity.Cnpj, e.GetType().Name);
            return false;
        }
    }

    /// <summary>Refuses the entity's MD-e operations until it has its own certificate.</summary>
    /// <exception cref="MdeException"><see cref="MdeErrorCodes.CertificateRequired"/>.</exception>
    public async Task RequireAsync(EntityInfo entity, CancellationToken ct)
    {
        if (!await IsProvedAsync(entity, ct).ConfigureAwait(false))
        {
            throw new MdeException(MdeErrorCodes.CertificateRequired,
                $"A empresa {entity.Cnpj} não tem certificado digital A1 próprio neste cadastro; envie o certificado da empresa para usar o MD-e.");
        }
    }
}
