using Tss.Contracts.Entities;
using Tss.Contracts.Refusals;
using Tss.Host.Problems;
using Tss.Pipeline.Events;
using Tss.Protocol.Parties;
using Tss.Tenancy;

namespace Tss.Host.Hosting;

/// <summary>
/// Resolves the entity a request names, inside the caller's tenant only: a CNPJ of another tenant is "not found",
/// exactly like a CNPJ nobody has.
/// </summary>
public sealed class EntityScope(IEntityDirectory directory)
{
    /// <exception cref="RequestRefusedException">400 entity.invalid_cnpj or 404 entity.not_found.</exception>
    public async Task<EntityInfo> RequireAsync(string tenantId, string cnpj, CancellationToken ct)
    {
        if (!Cnpj.IsValid(cnpj))
        {
            throw new RequestRefusedException(400, TenancyErrorCodes.CnpjInvalid, $"CNPJ inválido: '{Truncate(cnpj)}' (14 caracteres com dígitos verificadores, sem pontuação).");
        }
        return await directory.FindAsync(tenantId, cnpj, ct).ConfigureAwait(false)
            ?? throw new RequestRefusedException(404, TenancyErrorCodes.EntityNotFound, $"Empresa {cnpj} não cadastrada para esta chave de API.");
    }

    private static string Truncate(string s) => s.Length > 20 ? s[..20] + "…" : s;
}
