using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Tss.Contracts.Delivery;
using Tss.Pipeline.Distribution;
using Tss.Runtime.Storage;
using Tss.Tenancy.Entities;
using Tss.Testing.Azurite;

namespace Tss.Tenancy.Tests;

public sealed class TenantDirectoryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Cnpj = "11222333000181";
    private TenancyFixture _f = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _f = await TenancyFixture.CreateAsync(azurite);

    public async ValueTask DisposeAsync() => await _f.DisposeAsync();

    private EntityRegistration Registration(string tenantId, string cnpj = Cnpj)
    {
        using var cert = _f.Ca.IssueECnpj(cnpj, "EMPRESA TESTE LTDA");
        return new EntityRegistration
        {
            TenantId = tenantId,
            Cnpj = cnpj,
            Uf = "sp",
            tpAmb = 2,
            IE = "123456789012",
            Pfx = cert.Export(X509ContentType.Pkcs12, "pw"),
            PfxPassword = "pw",
            WebhookUrl = new Uri("https://erp.example.com/hooks/nfe"),
            WebhookSecret = "hook-secret",
            Email = "fiscal@example.com",
        };
    }

    [Fact]
    public async Task A_saved_entity_is_found_with_its_certificate_and_distribution_targets()
    {
        var admin = _f.Get<TenancyAdmin>();
        var tenant = await admin.CreateTenantAsync("Diretório", ct: Ct);
        await admin.SaveEntityAsync(Registration(tenant.TenantId) with { Cnpj = "11.222.333/0001-81" }, Ct);
        var directory = _f.Get<TenantDirectory>();

        var entity = await directory.FindAsync(tenant.TenantId, Cnpj, Ct);
        var targets = await directory.GetAsync(tenant.TenantId, Cnpj, Ct);

        Assert.NotNull(entity);
        Assert.Equal(("SP", 2), (entity.Uf, entity.tpAmb));
        var cert = await directory.GetCertificateAsync(entity, Ct);
        Assert.True(cert.HasPrivateKey);
        Assert.Equal(new DistributionTargets(new Uri("https://erp.example.com/hooks/nfe"), "hook-secret", "fiscal@example.com"), targets);
        Assert.Null(await directory.FindAsync("another-tenant", Cnpj, Ct));
        Assert.Equal(DistributionTargets.None, await directory.GetAsync("another-tenant", Cnpj, Ct));
    }

    [Fact]
    public async Task Every_tenant_with_a_cnpj_is_listed_and_a_new_one_counts_at_once()
    {
        var admin = _f.Get<TenancyAdmin>();
        var directory = _f.Get<Tss.Contracts.Entities.IEntitiesByCnpj>();
        var first = await admin.CreateTenantAsync("Produção", ct: Ct);
        var other = await admin.CreateTenantAsync("Outra empresa", ct: Ct);
        await admin.SaveEntityAsync(Registration(first.TenantId), Ct);
        await admin.SaveEntityAsync(Registration(other.TenantId, "11444777000161"), Ct);
        Assert.Equal([first.TenantId], (await directory.ForCnpjAsync(Cnpj, Ct)).Select(e => e.TenantId));

        var staging = await admin.CreateTenantAsync("Homologação", ct: Ct);
        await admin.SaveEntityAsync(Registration(staging.TenantId), Ct);

        var both = await directory.ForCnpjAsync(Cnpj, Ct);
        Assert.Equal(new[] { first.TenantId, staging.TenantId }.Order(), both.Select(e => e.TenantId).Order());
        Assert.All(both, e => Assert.Equal(Cnpj, e.Cnpj));
        Assert.Empty(await directory.ForCnpjAsync("123", Ct));
    }

    [Fact]
    public async Task An_update_without_certificate_keeps_the_stored_one()
    {
        var admin = _f.Get<TenancyAdmin>();
        var tenant = await admin.CreateTenantAsync("Atualização", ct: Ct);
        var first = await admin.SaveEntityAsync(Registration(tenant.TenantId), Ct);

        var second = await admin.SaveEntityAsync(Registration(tenant.TenantId) with { Pfx = null, PfxPassword = null, tpAmb = 1, WebhookUrl = null, WebhookSecret = null }, Ct);

        Assert.Equal(first.CertificateRef, second.CertificateRef);
        var entity = await _f.Get<TenantDirectory>().FindAsync(tenant.TenantId, Cnpj, Ct);
        Assert.Equal(1, entity!.tpAmb);
    }

    [Theory]
    [InlineData("11222333000182", "SP", 2, TenancyErrorCodes.CnpjInvalid)]
    [InlineData("11222333000181", "XX", 2, TenancyErrorCodes.UfInvalid)]
    [InlineData("11222333000181", "SP", 3, TenancyErrorCodes.EnvironmentInvalid)]
    public async Task Invalid_entity_data_is_refused_with_a_code(string cnpj, string uf, int tpAmb, string code)
    {
        var admin = _f.Get<TenancyAdmin>();
        var tenant = await admin.CreateTenantAsync("Inválidos", ct: Ct);

        var e = await Assert.ThrowsAsync<TenancyException>(() => admin.SaveEntityAsync(Registration(tenant.TenantId) with { Cnpj = cnpj, Uf = uf, tpAmb = tpAmb }, Ct));

        Assert.Equal(code, e.Code);
        Assert.Null(await _f.Get<TenantDirectory>().FindAsync(tenant.TenantId, Cnpj, Ct));
    }

    [Fact]
    public async Task An_entity_needs_an_existing_tenant_and_a_certificate()
    {
        var admin = _f.Get<TenancyAdmin>();
        var missingTenant = await Assert.ThrowsAsync<TenancyException>(() => admin.SaveEntityAsync(Registration("no-such-tenant"), Ct));
        var tenant = await admin.CreateTenantAsync("Sem Certificado", ct: Ct);
        var missingCert = await Assert.ThrowsAsync<TenancyException>(() => admin.SaveEntityAsync(Registration(tenant.TenantId) with { Pfx = null }, Ct));

        Assert.Equal(TenancyErrorCodes.TenantNotFound, missingTenant.Code);
        Assert.Equal(TenancyErrorCodes.CertificateRequired, missingCert.Code);
    }

    [Fact]
    public async Task Entity_lookups_cost_one_storage_read_per_ttl_plus_one_per_secret_and_see_changes_after_it()
    {
        var admin = _f.Get<TenancyAdmin>();
        var tenant = await admin.CreateTenantAsync("Cache", ct: Ct);
        await admin.SaveEntityAsync(Registration(tenant.TenantId), Ct);
        await using var instance = _f.NewInstance();
        var directory = instance.GetRequiredService<TenantDirectory>();
        var counter = instance.GetRequiredService<StorageClients>().Counter;
        var before = counter.Snapshot().Total;

        for (var i = 0; i < 100; i++)
        {
            Assert.NotNull(await directory.FindAsync(tenant.TenantId, Cnpj, Ct));
            await directory.GetAsync(tenant.TenantId, Cnpj, Ct);
        }
        // One entity read per TTL, plus one read of the webhook secret from the secret store (a version never changes: kept).
        Assert.Equal(2, counter.Snapshot().Total - before);

        await admin.SaveEntityAsync(Registration(tenant.TenantId) with { Pfx = null, tpAmb = 1 }, Ct);
        Assert.Equal(2, (await directory.FindAsync(tenant.TenantId, Cnpj, Ct))!.tpAmb); // other instance: cached
        _f.Time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(1, (await directory.FindAsync(tenant.TenantId, Cnpj, Ct))!.tpAmb);
    }
}
