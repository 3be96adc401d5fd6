using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tss.Runtime.Storage;
using Tss.Tenancy.ApiKeys;
using Tss.Testing.Azurite;

namespace Tss.Tenancy.Tests;

public sealed class ApiKeyStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TenancyFixture _f = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _f = await TenancyFixture.CreateAsync(azurite);

    public async ValueTask DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task A_created_key_authenticates_as_its_tenant_and_only_its_hash_is_stored()
    {
        var admin = _f.Get<TenancyAdmin>();
        var tenant = await admin.CreateTenantAsync("Comércio Exemplo Ltda", ct: Ct);
        var created = await admin.CreateApiKeyAsync(tenant.TenantId, "erp", Ct);

        var identity = await _f.Get<ApiKeyVerifier>().VerifyAsync(created.Key, Ct);

        Assert.Equal(new ApiKeyIdentity(tenant.TenantId, created.KeyId), identity);
        ApiKeyFormat.TryParse(created.Key, out _, out var secret);
        var table = _f.Get<TableServiceClient>().GetTableClient(_f.Get<IOptions<TenancyOptions>>().Value.ApiKeysTable);
        var raw = (await table.GetEntityAsync<TableEntity>(created.KeyId, ApiKeyRecord.Row, cancellationToken: Ct)).Value;
        Assert.All(raw.Select(p => p.Value).OfType<string>(), v => Assert.DoesNotContain(secret!, v, StringComparison.Ordinal));
        Assert.Equal(ApiKeyFormat.Hash(created.KeyId, secret!), raw.GetString(nameof(ApiKeyRecord.SecretHash)));
    }

    [Fact]
    public async Task A_wrong_secret_or_unknown_key_id_is_refused()
    {
        var admin = _f.Get<TenancyAdmin>();
        var tenant = await admin.CreateTenantAsync("Outra Empresa", ct: Ct);
        var created = await admin.CreateApiKeyAsync(tenant.TenantId, ct: Ct);
        var verifier = _f.Get<ApiKeyVerifier>();
        var tampered = created.Key[..^1] + (created.Key[^1] == 'A' ? 'B' : 'A');

        Assert.Null(await verifier.VerifyAsync(tampered, Ct));
        Assert.Null(await verifier.VerifyAsync(ApiKeyFormat.New().Key, Ct));
        Assert.Null(await verifier.VerifyAsync("tss_garbage", Ct));
    }

    [Fact]
    public async Task Revocation_is_immediate_on_the_revoking_instance_and_within_the_ttl_on_others()
    {
        var admin = _f.Get<TenancyAdmin>();
        var tenant = await admin.CreateTenantAsync("Revogação SA", ct: Ct);
        var created = await admin.CreateApiKeyAsync(tenant.TenantId, ct: Ct);
        await using var other = _f.NewInstance();
        var otherVerifier = other.GetRequiredService<ApiKeyVerifier>();
        Assert.NotNull(await _f.Get<ApiKeyVerifier>().VerifyAsync(created.Key, Ct));
        Assert.NotNull(await otherVerifier.VerifyAsync(created.Key, Ct));

        var revoked = await admin.RevokeApiKeyAsync(created.KeyId, Ct);

        Assert.NotNull(revoked.RevokedAt);
        Assert.Null(await _f.Get<ApiKeyVerifier>().VerifyAsync(created.Key, Ct));
        Assert.NotNull(await otherVerifier.VerifyAsync(created.Key, Ct)); // still cached there
        _f.Time.Advance(TimeSpan.FromSeconds(31));
        Assert.Null(await otherVerifier.VerifyAsync(created.Key, Ct));
    }

    [Fact]
    public async Task A_steady_stream_of_checks_costs_one_storage_read_per_ttl()
    {
        var admin = _f.Get<TenancyAdmin>();
        var tenant = await admin.CreateTenantAsync("Custo Zero", ct: Ct);
        var created = await admin.CreateApiKeyAsync(tenant.TenantId, ct: Ct);
        await using var instance = _f.NewInstance();
        var verifier = instance.GetRequiredService<ApiKeyVerifier>();
        var counter = instance.GetRequiredService<StorageClients>().Counter;
        var before = counter.Snapshot().Total;

        for (var i = 0; i < 200; i++)
        {
            Assert.NotNull(await verifier.VerifyAsync(created.Key, Ct));
        }
        for (var i = 0; i < 50; i++)
        {
            Assert.Null(await verifier.VerifyAsync("tss_0000000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", Ct));
        }

        Assert.Equal(3, counter.Snapshot().Total - before); // each key once, and the revocation stamp once (clock still)
    }

    [Fact]
    public async Task Revoking_an_unknown_key_is_refused_with_a_code()
    {
        var e = await Assert.ThrowsAsync<TenancyException>(() => _f.Get<TenancyAdmin>().RevokeApiKeyAsync("0123456789abcdef", Ct));
        Assert.Equal(TenancyErrorCodes.ApiKeyNotFound, e.Code);
    }
}
