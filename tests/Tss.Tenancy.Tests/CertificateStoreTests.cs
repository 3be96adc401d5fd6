using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tss.Tenancy.Certificates;
using Tss.Testing.Azurite;

namespace Tss.Tenancy.Tests;

public sealed class CertificateStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Cnpj = "11222333000181";
    private const string Password = "s3nh@-do-pfx";
    private TenancyFixture _f = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _f = await TenancyFixture.CreateAsync(azurite);

    public async ValueTask DisposeAsync() => await _f.DisposeAsync();

    private byte[] Pfx(string cnpj = Cnpj, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        using var cert = _f.Ca.IssueECnpj(cnpj, "EMPRESA TESTE LTDA", notBefore, notAfter);
        return cert.Export(X509ContentType.Pkcs12, Password);
    }

    [Fact]
    public async Task An_imported_certificate_loads_back_with_its_private_key()
    {
        var store = _f.Get<ICertificateStore>();
        var pfx = Pfx();
        using var original = X509CertificateLoader.LoadPkcs12(pfx, Password);

        var imported = await store.ImportAsync("tenant-a", Cnpj, pfx, Password, Ct);
        await using var fresh = _f.NewInstance();
        var loaded = await fresh.GetRequiredService<ICertificateStore>().LoadAsync(imported.Reference, Ct);

        Assert.Equal(original.Thumbprint, imported.Info.Thumbprint);
        Assert.Equal(Cnpj, imported.Info.Cnpj);
        Assert.Equal(original.Thumbprint, loaded.Thumbprint);
        Assert.True(loaded.HasPrivateKey);
        using var rsa = loaded.GetRSAPrivateKey()!;
        var data = "assinatura"u8.ToArray();
        var signature = rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        Assert.True(original.GetRSAPublicKey()!.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        Assert.Same(loaded, await fresh.GetRequiredService<ICertificateStore>().LoadAsync(imported.Reference, Ct));
    }

    [Fact]
    public async Task The_stored_blob_holds_neither_the_pfx_nor_the_certificate_nor_the_password()
    {
        var pfx = Pfx();
        using var original = X509CertificateLoader.LoadPkcs12(pfx, Password, X509KeyStorageFlags.Exportable);
        var imported = await _f.Get<ICertificateStore>().ImportAsync("tenant-b", Cnpj, pfx, Password, Ct);

        var container = _f.Get<BlobServiceClient>().GetBlobContainerClient(_f.Get<IOptions<CertificateStoreOptions>>().Value.Container);
        var blobs = new List<byte[]>();
        await foreach (var item in container.GetBlobsAsync(cancellationToken: Ct))
        {
            blobs.Add((await container.GetBlobClient(item.Name).DownloadContentAsync(Ct)).Value.Content.ToArray());
        }

        var blob = Assert.Single(blobs);
        Assert.StartsWith("TSSCERT1", Encoding.ASCII.GetString(blob, 0, 8));
        var privateKey = original.GetRSAPrivateKey()!.ExportPkcs8PrivateKey();
        foreach (var secret in new[] { pfx, original.RawData, privateKey, Encoding.UTF8.GetBytes(Password), Encoding.UTF8.GetBytes(Cnpj) })
        {
            Assert.False(Contains(blob, secret[..Math.Min(32, secret.Length)]));
        }
        Assert.StartsWith("blob:tenant-b/" + Cnpj + "/", imported.Reference);
    }

    [Fact]
    public async Task An_envelope_copied_to_another_reference_does_not_decrypt()
    {
        var imported = await _f.Get<ICertificateStore>().ImportAsync("tenant-c", Cnpj, Pfx(), Password, Ct);
        var container = _f.Get<BlobServiceClient>().GetBlobContainerClient(_f.Get<IOptions<CertificateStoreOptions>>().Value.Container);
        var content = (await container.GetBlobClient(imported.Reference["blob:".Length..] + ".p12.enc").DownloadContentAsync(Ct)).Value.Content;
        await container.GetBlobClient("tenant-x/" + Cnpj + "/" + imported.Info.Thumbprint + ".p12.enc").UploadAsync(content, Ct);

        var e = await Assert.ThrowsAsync<TenancyException>(() => _f.Get<ICertificateStore>().LoadAsync("blob:tenant-x/" + Cnpj + "/" + imported.Info.Thumbprint, Ct));
        Assert.Equal(TenancyErrorCodes.Certificates.Undecryptable, e.Code);
    }

    [Fact]
    public async Task Another_master_key_cannot_open_the_store()
    {
        var imported = await _f.Get<ICertificateStore>().ImportAsync("tenant-d", Cnpj, Pfx(), Password, Ct);
        var settings = new Dictionary<string, string?>(_f.Settings) { ["Certificates:MasterKey"] = Convert.ToBase64String(new byte[32]) };
        await using var other = TenancyFixture.Build(settings, _f.Time);

        var e = await Assert.ThrowsAsync<TenancyException>(() => other.GetRequiredService<ICertificateStore>().LoadAsync(imported.Reference, Ct));
        Assert.Equal(TenancyErrorCodes.Certificates.Undecryptable, e.Code);
    }

    [Fact]
    public async Task A_wrong_password_is_refused()
    {
        await AssertRefused(TenancyErrorCodes.Certificates.WrongPassword, Pfx(), "senha-errada");
    }

    [Fact]
    public async Task A_file_that_is_not_a_pfx_is_refused()
    {
        await AssertRefused(TenancyErrorCodes.Certificates.NotPkcs12, Encoding.UTF8.GetBytes("-----BEGIN CERTIFICATE-----\nMIIB\n"), Password);
    }

    [Fact]
    public async Task A_pfx_without_private_key_is_refused()
    {
        using var cert = _f.Ca.IssueECnpj(Cnpj, "SEM CHAVE LTDA");
        using var publicOnly = X509CertificateLoader.LoadCertificate(cert.RawData);
        await AssertRefused(TenancyErrorCodes.Certificates.NoPrivateKey, publicOnly.Export(X509ContentType.Pkcs12, Password), Password);
    }

    [Fact]
    public async Task An_expired_certificate_is_refused()
    {
        var now = _f.Time.GetUtcNow();
        await AssertRefused(TenancyErrorCodes.Certificates.Expired, Pfx(notBefore: now.AddYears(-1), notAfter: now.AddDays(-1)), Password);
    }

    [Fact]
    public async Task A_certificate_not_yet_valid_is_refused()
    {
        var now = _f.Time.GetUtcNow();
        await AssertRefused(TenancyErrorCodes.Certificates.NotYetValid, Pfx(notBefore: now.AddDays(2), notAfter: now.AddYears(1)), Password);
    }

    [Fact]
    public async Task A_certificate_of_another_company_is_refused()
    {
        await AssertRefused(TenancyErrorCodes.Certificates.CnpjMismatch, Pfx("99888777000106"), Password);
    }

    [Fact]
    public async Task A_branch_may_use_the_certificate_of_its_head_office()
    {
        var imported = await _f.Get<ICertificateStore>().ImportAsync("tenant-e", "11222333000262", Pfx(), Password, Ct);
        Assert.Equal(Cnpj, imported.Info.Cnpj);
    }

    [Fact]
    public async Task A_certificate_without_icp_brasil_cnpj_is_refused()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Not ICP-Brasil", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = _f.Time.GetUtcNow();
        using var cert = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        await AssertRefused(TenancyErrorCodes.Certificates.NoCnpj, cert.Export(X509ContentType.Pkcs12, Password), Password);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("c2hvcnQ=")]
    [InlineData("not base64 at all")]
    public void The_store_refuses_to_start_without_a_32_byte_master_key(string? masterKey)
    {
        var settings = new Dictionary<string, string?>(_f.Settings) { ["Certificates:MasterKey"] = masterKey };
        using var services = TenancyFixture.Build(settings, _f.Time);

        var e = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<CertificateStoreOptions>>().Value);
        Assert.Contains("Certificates:MasterKey", e.Message, StringComparison.Ordinal);
        Assert.Contains("32", e.Message, StringComparison.Ordinal);
    }

    private async Task AssertRefused(string code, byte[] pfx, string password)
    {
        var e = await Assert.ThrowsAsync<TenancyException>(() => _f.Get<ICertificateStore>().ImportAsync("tenant-z", Cnpj, pfx, password, Ct));
        Assert.Equal(code, e.Code);
        Assert.DoesNotContain(password, e.Message, StringComparison.Ordinal);
        var container = _f.Get<BlobServiceClient>().GetBlobContainerClient(_f.Get<IOptions<CertificateStoreOptions>>().Value.Container);
        await foreach (var _ in container.GetBlobsAsync(cancellationToken: Ct))
        {
            Assert.Fail("A refused certificate was stored.");
        }
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
