using System.Net;
using System.Text.Json.Nodes;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Tss.Tenancy.Certificates;
using Tss.Tenancy.Certificates.KeyVault;
using Tss.Tenancy.Secrets;
using Tss.Tenancy.Secrets.KeyVault;
using Tss.Tenancy.Tests.KeyVault;

namespace Tss.Tenancy.Tests.Secrets;

/// <summary>
/// The Key Vault secret store against a fake vault behind the SDK's real HTTP pipeline (no Azure here): what it sends,
/// how it names and versions secrets, its cache, and that a lost migration's version is disabled.
/// </summary>
public sealed class KeyVaultSecretStoreTests : IDisposable
{
    private const string Name = "tss-tenant-kv-11222333000181-webhook";
    private const string Version = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    private static readonly SecretName Secret = new("tenant-kv", "11222333000181", SecretKind.WebhookSecret);

    private readonly FakeKeyVault _vault = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly KeyVaultSecretStore _store;

    public KeyVaultSecretStoreTests()
    {
        var clients = KeyVaultClients.Create(FakeKeyVault.VaultUri, new StaticTokenCredential(), maxRetries: 2, retryDelay: TimeSpan.FromMilliseconds(10),
            new HttpClientTransport(new HttpClient(_vault)));
        var options = Options.Create(new CertificateStoreOptions { Store = CertificateStoreKind.KeyVault, KeyVaultUri = FakeKeyVault.VaultUri, KeyVaultCacheTtl = TimeSpan.FromMinutes(10) });
        _store = new KeyVaultSecretStore(clients, options, _time);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _vault.Dispose();

    private static JsonObject Bundle(string value) => new()
    {
        ["value"] = value,
        ["contentType"] = "text/plain",
        ["id"] = $"{FakeKeyVault.VaultUri}secrets/{Name}/{Version}",
        ["attributes"] = new JsonObject { ["enabled"] = true, ["created"] = 1_700_000_000, ["updated"] = 1_700_000_000 },
    };

    [Fact]
    public async Task Put_sets_a_new_version_of_the_entity_secret_and_returns_a_versioned_reference()
    {
        _vault.ThenJson(HttpStatusCode.OK, Bundle("the-webhook-secret-value"));

        var reference = await _store.PutAsync(Secret, "the-webhook-secret-value", Ct);

        var request = Assert.Single(_vault.Requests);
        Assert.Equal(("PUT", $"/secrets/{Name}"), (request.Method, request.Path));
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal("the-webhook-secret-value", (string?)body["value"]);
        Assert.Equal("webhook", (string?)body["tags"]!["kind"]);
        Assert.Equal($"kv:{Name}/{Version}", reference);
        Assert.NotEqual(KeyVaultCertificateNames.For("tenant-kv", "11222333000181"), KeyVaultSecretStore.NameOf(Secret));
    }

    [Fact]
    public async Task Get_reads_the_named_version_once_and_serves_it_from_memory_until_the_ttl()
    {
        _vault.ThenJson(HttpStatusCode.OK, Bundle("value-from-the-vault-1"));
        _vault.ThenJson(HttpStatusCode.OK, Bundle("value-from-the-vault-1"));

        var first = await _store.GetAsync($"kv:{Name}/{Version}", Ct);
        var second = await _store.GetAsync($"kv:{Name}/{Version}", Ct);
        _time.Advance(TimeSpan.FromMinutes(11));
        var third = await _store.GetAsync($"kv:{Name}/{Version}", Ct);

        Assert.Equal(["value-from-the-vault-1", "value-from-the-vault-1", "value-from-the-vault-1"], new[] { first, second, third });
        Assert.Equal(2, _vault.Requests.Count);
        Assert.All(_vault.Requests, r => Assert.Equal(("GET", $"/secrets/{Name}/{Version}"), (r.Method, r.Path)));
    }

    [Fact]
    public async Task A_missing_secret_or_a_foreign_reference_is_a_coded_refusal()
    {
        _vault.ThenJson(HttpStatusCode.NotFound, FakeKeyVault.Error("SecretNotFound", "not found"));

        var missing = await Assert.ThrowsAsync<TenancyException>(() => _store.GetAsync($"kv:{Name}/{Version}", Ct));
        var foreign = await Assert.ThrowsAsync<TenancyException>(() => _store.GetAsync("blob:_secrets/t/c/webhook/v", Ct));

        Assert.Equal(TenancyErrorCodes.Secrets.NotFound, missing.Code);
        Assert.Equal(TenancyErrorCodes.Secrets.NotFound, foreign.Code);
    }

    [Fact]
    public async Task Discarding_a_version_disables_it()
    {
        _vault.ThenJson(HttpStatusCode.OK, Bundle("x"));

        await _store.DiscardAsync($"kv:{Name}/{Version}", Ct);

        var request = Assert.Single(_vault.Requests);
        Assert.Equal(("PATCH", $"/secrets/{Name}/{Version}"), (request.Method, request.Path));
        Assert.False((bool)JsonNode.Parse(request.Body)!["attributes"]!["enabled"]!);
    }
}
