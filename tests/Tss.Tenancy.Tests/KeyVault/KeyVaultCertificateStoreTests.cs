using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Azure.Core.Diagnostics;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Tss.DevTools.Pki;
using Tss.Tenancy.Certificates;
using Tss.Tenancy.Certificates.KeyVault;

namespace Tss.Tenancy.Tests.KeyVault;

/// <summary>The Key Vault certificate store against a fake vault behind the SDK's real HTTP pipeline (challenge auth, retries).</summary>
public sealed class KeyVaultCertificateStoreTests : IDisposable
{
    private const string Cnpj = "11222333000181";
    private const string Password = "s3nh@-do-pfx-KV";
    private const string Tenant = "tenant-kv";
    private const string Name = "tss-tenant-kv-11222333000181";
    private const string Version = "4f2c6a1b9e8d4c7fa0b1c2d3e4f5a6b7";

    private static readonly TestCertificateAuthority Ca = TestCertificateAuthority.Create("KeyVault Tests CA");

    private readonly FakeKeyVault _vault = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly ListLogger<KeyVaultCertificateStore> _log = new();
    private readonly KeyVaultCertificateStore _store;

    public KeyVaultCertificateStoreTests()
    {
        var clients = KeyVaultClients.Create(FakeKeyVault.VaultUri, new StaticTokenCredential(), maxRetries: 3, retryDelay: TimeSpan.FromMilliseconds(10),
            new HttpClientTransport(new HttpClient(_vault)));
        var options = Options.Create(new CertificateStoreOptions
        {
            Store = CertificateStoreKind.KeyVault,
            KeyVaultUri = FakeKeyVault.VaultUri,
            KeyVaultCacheTtl = TimeSpan.FromMinutes(10),
        });
        _store = new KeyVaultCertificateStore(clients, options, TestTrust.Validator(Ca, _time), _time, _log);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _store.Dispose();
        _vault.Dispose();
    }

    private static X509Certificate2 Issue(DateTimeOffset? notAfter = null) => Ca.IssueECnpj(Cnpj, "EMPRESA KV LTDA", null, notAfter);

    private static byte[] PfxWithKey(X509Certificate2 cert) => cert.Export(X509ContentType.Pkcs12);

    [Fact]
    public async Task Import_sends_the_pfx_in_base64_without_the_password_and_returns_a_versioned_kv_reference()
    {
        using var cert = Issue();
        _vault.Then((_, _) => FakeKeyVault.Json(HttpStatusCode.OK, FakeKeyVault.CertificateBundle(Name, Version, cert.RawData)));

        var imported = await _store.ImportAsync(Tenant, Cnpj, cert.Export(X509ContentType.Pkcs12, Password), Password, Ct);

        var request = Assert.Single(_vault.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/certificates/{Name}/import", request.Path);
        var body = JsonNode.Parse(request.Body)!;
        using var sent = X509CertificateLoader.LoadPkcs12(Convert.FromBase64String((string)body["value"]!), null);
        Assert.Equal(cert.Thumbprint, sent.Thumbprint);
        Assert.True(sent.HasPrivateKey);
        Assert.Null(body["pwd"]);
        Assert.DoesNotContain(Password, request.Body, StringComparison.Ordinal);
        Assert.True((bool)body["policy"]!["key_props"]!["exportable"]!);
        Assert.Equal("application/x-pkcs12", (string?)body["policy"]!["secret_props"]!["contentType"]);
        Assert.Equal(Cnpj, (string?)body["tags"]!["cnpj"]);
        Assert.Equal($"kv:{Name}/{Version}", imported.Reference);
        Assert.Equal(cert.Thumbprint, imported.Info.Thumbprint);
        Assert.Equal(Cnpj, imported.Info.Cnpj);
    }

    [Fact]
    public async Task A_refused_pfx_never_reaches_the_vault()
    {
        using var cert = Issue();

        var error = await Assert.ThrowsAsync<TenancyException>(() => _store.ImportAsync(Tenant, Cnpj, cert.Export(X509ContentType.Pkcs12, Password), "wrong", Ct));

        Assert.Equal(TenancyErrorCodes.Certificates.WrongPassword, error.Code);
        Assert.Empty(_vault.Requests);
    }

    [Fact]
    public async Task Load_reads_the_secret_version_once_and_serves_the_cache_after()
    {
        using var cert = Issue();
        _vault.ThenJson(HttpStatusCode.OK, FakeKeyVault.SecretBundle(Name, Version, PfxWithKey(cert)));

        var first = await _store.LoadAsync($"kv:{Name}/{Version}", Ct);
        var second = await _store.LoadAsync($"kv:{Name}/{Version}", Ct);

        var request = Assert.Single(_vault.Requests);
        Assert.Equal(("GET", $"/secrets/{Name}/{Version}"), (request.Method, request.Path));
        Assert.Same(first, second);
        Assert.Equal(cert.Thumbprint, first.Thumbprint);
        Assert.True(first.HasPrivateKey);
        using var rsa = first.GetRSAPrivateKey()!;
        var signature = rsa.SignData("nfe"u8.ToArray(), System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        Assert.True(cert.GetRSAPublicKey()!.VerifyData("nfe"u8.ToArray(), signature, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public async Task The_cache_expires_after_its_ttl()
    {
        using var cert = Issue();
        _vault.ThenJson(HttpStatusCode.OK, FakeKeyVault.SecretBundle(Name, Version, PfxWithKey(cert)));
        _vault.ThenJson(HttpStatusCode.OK, FakeKeyVault.SecretBundle(Name, Version, PfxWithKey(cert)));
        await _store.LoadAsync($"kv:{Name}/{Version}", Ct);

        _time.Advance(TimeSpan.FromMinutes(9));
        await _store.LoadAsync($"kv:{Name}/{Version}", Ct);
        Assert.Single(_vault.Requests);

        _time.Advance(TimeSpan.FromMinutes(2));
        await _store.LoadAsync($"kv:{Name}/{Version}", Ct);
        Assert.Equal(2, _vault.Requests.Count);
    }

    [Fact]
    public async Task A_certificate_is_not_cached_past_its_not_after()
    {
        using var cert = Issue(notAfter: _time.GetUtcNow().AddMinutes(3));
        _vault.ThenJson(HttpStatusCode.OK, FakeKeyVault.SecretBundle(Name, Version, PfxWithKey(cert)));
        _vault.ThenJson(HttpStatusCode.OK, FakeKeyVault.SecretBundle(Name, Version, PfxWithKey(cert)));
        await _store.LoadAsync($"kv:{Name}/{Version}", Ct);

        _time.Advance(TimeSpan.FromMinutes(4));
        await _store.LoadAsync($"kv:{Name}/{Version}", Ct);

        Assert.Equal(2, _vault.Requests.Count);
    }

    [Fact]
    public async Task Throttling_waits_for_retry_after_then_succeeds()
    {
        using var cert = Issue();
        _vault.ThenJson((HttpStatusCode)429, FakeKeyVault.Error("Throttled", "Too many requests"), ("Retry-After", "1"));
        _vault.ThenJson(HttpStatusCode.OK, FakeKeyVault.SecretBundle(Name, Version, PfxWithKey(cert)));
        var watch = Stopwatch.StartNew();

        var loaded = await _store.LoadAsync($"kv:{Name}/{Version}", Ct);

        Assert.Equal(cert.Thumbprint, loaded.Thumbprint);
        Assert.Equal(2, _vault.Requests.Count);
        // The client's own first delay is 10 ms: only the service's Retry-After explains a wait of about a second.
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(900), $"retried after {watch.Elapsed}");
    }

    [Fact]
    public async Task A_missing_secret_is_a_clear_not_found_and_is_not_cached()
    {
        using var cert = Issue();
        _vault.ThenJson(HttpStatusCode.NotFound, FakeKeyVault.Error("SecretNotFound", $"A secret with (name/id) {Name}/{Version} was not found in this key vault."));
        _vault.ThenJson(HttpStatusCode.OK, FakeKeyVault.SecretBundle(Name, Version, PfxWithKey(cert)));

        var error = await Assert.ThrowsAsync<TenancyException>(() => _store.LoadAsync($"kv:{Name}/{Version}", Ct));
        var later = await _store.LoadAsync($"kv:{Name}/{Version}", Ct);

        Assert.Equal(TenancyErrorCodes.Certificates.NotFound, error.Code);
        Assert.Contains($"kv:{Name}/{Version}", error.Message, StringComparison.Ordinal);
        Assert.Contains("não encontrado no Key Vault", error.Message, StringComparison.Ordinal);
        Assert.Equal(cert.Thumbprint, later.Thumbprint);
    }

    [Theory]
    [InlineData("blob:tenant/11222333000181/AB")]
    [InlineData("kv:name")]
    [InlineData("kv:na_me/v1")]
    [InlineData("kv:name/v1/extra")]
    public async Task A_foreign_or_malformed_reference_is_not_found_without_a_request(string reference)
    {
        var error = await Assert.ThrowsAsync<TenancyException>(() => _store.LoadAsync(reference, Ct));

        Assert.Equal(TenancyErrorCodes.Certificates.NotFound, error.Code);
        Assert.Empty(_vault.Requests);
    }

    [Fact]
    public async Task Neither_the_password_nor_the_key_appears_in_any_log()
    {
        using var cert = Issue();
        var pfx = cert.Export(X509ContentType.Pkcs12, Password);
        var keyBase64 = Convert.ToBase64String(cert.GetRSAPrivateKey()!.ExportPkcs8PrivateKey());
        var sdkEvents = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var listener = new AzureEventSourceListener((e, message) => sdkEvents.Enqueue(message + string.Join(";", e.Payload ?? [])), EventLevel.Verbose);
        _vault.Then((_, _) => FakeKeyVault.Json(HttpStatusCode.OK, FakeKeyVault.CertificateBundle(Name, Version, cert.RawData)));
        _vault.ThenJson(HttpStatusCode.OK, FakeKeyVault.SecretBundle(Name, Version, PfxWithKey(cert)));

        var imported = await _store.ImportAsync(Tenant, Cnpj, pfx, Password, Ct);
        await _store.LoadAsync(imported.Reference, Ct);

        Assert.NotEmpty(_log.Lines);
        Assert.NotEmpty(sdkEvents);
        var everything = string.Join("\n", _log.Lines.Concat(sdkEvents));
        Assert.DoesNotContain(Password, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(keyBase64[..40], everything, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(pfx)[..40], everything, StringComparison.Ordinal);
        foreach (var request in _vault.Requests)
        {
            var sent = JsonNode.Parse(request.Body is "" ? "{}" : request.Body)!["value"];
            if (sent is not null)
            {
                Assert.DoesNotContain(((string)sent!)[..40], everything, StringComparison.Ordinal);
            }
        }
        Assert.Contains(_log.Lines, l => l.Contains(cert.Thumbprint, StringComparison.Ordinal));
    }
}
