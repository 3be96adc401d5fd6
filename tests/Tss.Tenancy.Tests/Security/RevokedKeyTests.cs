using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tss.Tenancy.ApiKeys;
using Tss.Testing.Azurite;

namespace Tss.Tenancy.Tests.Security;

/// <summary>Attack: a revoked API key kept working on other instances for up to the 30-second cache TTL.</summary>
public sealed class RevokedKeyTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TenancyFixture _f = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _f = await TenancyFixture.CreateAsync(azurite);

    public async ValueTask DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task Key_revoked_on_one_instance_is_refused_by_another_within_the_revocation_check_interval()
    {
        var admin = _f.Get<TenancyAdmin>();
        var tenant = await admin.CreateTenantAsync("Revogação Rápida Ltda", ct: Ct);
        var created = await admin.CreateApiKeyAsync(tenant.TenantId, ct: Ct);
        await using var other = _f.NewInstance();
        var elsewhere = other.GetRequiredService<ApiKeyVerifier>();
        var bound = _f.Get<IOptions<TenancyOptions>>().Value.RevocationCheckInterval;
        Assert.NotNull(await elsewhere.VerifyAsync(created.Key, Ct)); // cached there, for the 30 s TTL

        await admin.RevokeApiKeyAsync(created.KeyId, Ct);
        _f.Time.Advance(bound);

        Assert.Null(await elsewhere.VerifyAsync(created.Key, Ct));
        Assert.True(bound <= TimeSpan.FromSeconds(5), $"the stated bound is {bound}");
    }

    [Fact]
    public async Task Other_keys_keep_working_after_a_revocation_elsewhere()
    {
        var admin = _f.Get<TenancyAdmin>();
        var tenant = await admin.CreateTenantAsync("Chaves Vizinhas Ltda", ct: Ct);
        var revoked = await admin.CreateApiKeyAsync(tenant.TenantId, ct: Ct);
        var kept = await admin.CreateApiKeyAsync(tenant.TenantId, ct: Ct);
        await using var other = _f.NewInstance();
        var elsewhere = other.GetRequiredService<ApiKeyVerifier>();
        Assert.NotNull(await elsewhere.VerifyAsync(kept.Key, Ct));

        await admin.RevokeApiKeyAsync(revoked.Key, Ct);
        _f.Time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(new ApiKeyIdentity(tenant.TenantId, kept.KeyId), await elsewhere.VerifyAsync(kept.Key, Ct));
        Assert.Null(await elsewhere.VerifyAsync(revoked.Key, Ct));
    }
}
