using System.Security.Cryptography.X509Certificates;
using Azure.Security.KeyVault.Certificates;
using Azure.Security.KeyVault.Secrets;
using Tss.DevTools.Pki;
using Tss.Tenancy.Certificates;
using Tss.Tenancy.Certificates.KeyVault;

namespace Tss.Tenancy.Tests.KeyVault;

/// <summary>Names, references and secret conversion, with the SDK's model factories (no HTTP).</summary>
public sealed class KeyVaultModelTests
{
    private static readonly Uri Vault = new("https://tss-test.vault.azure.net/");

    [Fact]
    public void The_reference_names_the_imported_version()
    {
        var properties = CertificateModelFactory.CertificateProperties(
            id: new Uri(Vault, "certificates/tss-t-1/abc123"), name: "tss-t-1", vaultUri: Vault, version: "abc123");
        var certificate = CertificateModelFactory.KeyVaultCertificateWithPolicy(properties);

        Assert.Equal("kv:tss-t-1/abc123", KeyVaultCertificateStore.ReferenceOf(certificate));
        Assert.True(KeyVaultCertificateNames.TryParse("kv:tss-t-1/abc123", out var name, out var version));
        Assert.Equal(("tss-t-1", "abc123"), (name, version));
    }

    [Fact]
    public void A_valid_tenant_and_cnpj_keep_a_readable_name()
    {
        Assert.Equal("tss-acme-x1y2z3-11222333000181", KeyVaultCertificateNames.For("acme-x1y2z3", "11222333000181"));
    }

    [Theory]
    [InlineData("acme", "12.ABC.345/0001-XY")]
    [InlineData("ACME", "11222333000181")]
    [InlineData("acme_co", "11222333000181")]
    public void Names_key_vault_would_refuse_or_fold_are_sanitized_and_kept_distinct(string tenant, string cnpj)
    {
        var name = KeyVaultCertificateNames.For(tenant, cnpj);

        Assert.True(KeyVaultCertificateNames.IsValidName(name), name);
        Assert.NotEqual(KeyVaultCertificateNames.For("acme", "11222333000181"), name);
        Assert.Matches("-[0-9a-f]{12}$", name);
    }

    [Fact]
    public void A_very_long_name_is_cut_to_the_key_vault_limit()
    {
        var name = KeyVaultCertificateNames.For(new string('a', 200), "11222333000181");

        Assert.Equal(KeyVaultCertificateNames.MaxLength, name.Length);
        Assert.True(KeyVaultCertificateNames.IsValidName(name));
    }

    [Fact]
    public void A_pkcs12_secret_becomes_a_certificate_with_its_key()
    {
        using var cert = TestCertificateAuthority.Create("KV model CA").IssueECnpj("11222333000181", "EMPRESA");
        var secret = Secret(Convert.ToBase64String(cert.Export(X509ContentType.Pkcs12)), "application/x-pkcs12");

        using var loaded = KeyVaultCertificateSecret.ToCertificate(secret, "kv:n/v");

        Assert.Equal(cert.Thumbprint, loaded.Thumbprint);
        Assert.True(loaded.HasPrivateKey);
    }

    [Fact]
    public void A_pem_secret_is_refused_with_a_clear_code()
    {
        var error = Assert.Throws<TenancyException>(() => KeyVaultCertificateSecret.ToCertificate(Secret("-----BEGIN CERTIFICATE-----", "application/x-pem-file"), "kv:n/v"));

        Assert.Equal(TenancyErrorCodes.Certificates.Undecryptable, error.Code);
        Assert.Contains("kv:n/v", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_without_the_private_key_is_refused()
    {
        using var cert = TestCertificateAuthority.Create("KV model CA").IssueECnpj("11222333000181", "EMPRESA");
        using var publicOnly = X509CertificateLoader.LoadCertificate(cert.RawData);
        var secret = Secret(Convert.ToBase64String(publicOnly.Export(X509ContentType.Pkcs12)), "application/x-pkcs12");

        var error = Assert.Throws<TenancyException>(() => KeyVaultCertificateSecret.ToCertificate(secret, "kv:n/v"));

        Assert.Equal(TenancyErrorCodes.Certificates.NoPrivateKey, error.Code);
    }

    private static KeyVaultSecret Secret(string value, string contentType)
    {
        var properties = SecretModelFactory.SecretProperties(id: new Uri(Vault, "secrets/n/v"), vaultUri: Vault, name: "n", version: "v");
        properties.ContentType = contentType;
        return SecretModelFactory.KeyVaultSecret(properties, value);
    }
}
