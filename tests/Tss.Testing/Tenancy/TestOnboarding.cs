using System.Security.Cryptography.X509Certificates;
using Tss.DevTools.Pki;
using Tss.Tenancy;
using Tss.Tenancy.Entities;

namespace Tss.Testing.Tenancy;

/// <summary>A tenant onboarded for a test: its id and an API key (shown once, as a customer would get it).</summary>
public sealed record OnboardedTenant(string TenantId, string ApiKey);

/// <summary>
/// Onboards a tenant the way an operator does (tenant, entities with a test-CA e-CNPJ each, an API key), through the
/// product's <see cref="TenancyAdmin"/>, so every suite exercises the same path.
/// </summary>
public static class TestOnboarding
{
    public static async Task<OnboardedTenant> NewTenantAsync(
        TenancyAdmin admin, TestCertificateAuthority ca, string name, IEnumerable<string> cnpjs, string uf = "SP", CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(ca);
        var tenant = await admin.CreateTenantAsync(name, ct: ct).ConfigureAwait(false);
        foreach (var cnpj in cnpjs)
        {
            await AddEntityAsync(admin, ca, tenant.TenantId, cnpj, uf, ct).ConfigureAwait(false);
        }
        var key = await admin.CreateApiKeyAsync(tenant.TenantId, ct: ct).ConfigureAwait(false);
        return new OnboardedTenant(tenant.TenantId, key.Key);
    }

    /// <summary>Registers <paramref name="cnpj"/> for the tenant with a fresh test-CA e-CNPJ (homologação).</summary>
    public static async Task<EntityRecord> AddEntityAsync(
        TenancyAdmin admin, TestCertificateAuthority ca, string tenantId, string cnpj, string uf = "SP", CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(ca);
        using var cert = ca.IssueECnpj(cnpj, "EMPRESA DE TESTE " + cnpj);
        return await admin.SaveEntityAsync(new EntityRegistration
        {
            TenantId = tenantId,
            Cnpj = cnpj,
            Uf = uf,
            tpAmb = 2,
            Pfx = cert.Export(X509ContentType.Pkcs12, "pw"),
            PfxPassword = "pw",
        }, ct).ConfigureAwait(false);
    }
}
