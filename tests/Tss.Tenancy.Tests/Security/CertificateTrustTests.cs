using System.Security.Cryptography.X509Certificates;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tss.DevTools.Pki;
using Tss.Tenancy.Certificates;
using Tss.Tenancy.Entities;
using Tss.Testing.Azurite;
using Tss.Testing.Hosting;
using Tss.Testing.Pki;

namespace Tss.Tenancy.Tests.Security;

/// <summary>
/// Issue 12, item 1: an upload must chain to a configured trust anchor and not be revoked. Before this, a self-signed
/// certificate carrying a victim's CNPJ was accepted, and with it the victim's MD-e documents (shared by CNPJ).
/// Here the anchor is a test CA publishing its CRL over HTTP and revocation is checked online, as in production.
/// </summary>
public sealed class CertificateTrustTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Victim = "11222333000181";
    private const string Password = "s3nh@-do-pfx";
    private TenancyFixture _f = null!;
    private CrlServer _crls = null!;
    private TestCertificateAuthority _ca = null!;
    private string _anchor = null!;
    private ServiceProvider _services = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _f = await TenancyFixture.CreateAsync(azurite);
        _crls = await CrlServer.StartAsync(Ct);
        _ca = TestCertificateAuthority.Create("Security Tests Root CA");
        _crls.Publish("root", _ca);
        _anchor = TestTrust.AnchorFile(_ca);
        _services = TenancyFixture.Build(new Dictionary<string, string?>(_f.Settings).With(TestSettings.TrustingTestCa(_anchor, "Online")), _f.Time);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _crls.DisposeAsync();
        _ca.Dispose();
        File.Delete(_anchor);
        await _f.DisposeAsync();
    }

    [Fact]
    public async Task Self_signed_certificate_with_a_victims_cnpj_is_refused_on_upload()
    {
        using var forged = TestCertificateAuthority.SelfSignedECnpj(Victim, "EMPRESA VITIMA LTDA");

        var e = await AssertRefusedAsync(TenancyErrorCodes.Certificates.UntrustedChain, forged.Export(X509ContentType.Pkcs12, Password));

        Assert.Contains("autoridade certificadora ICP-Brasil confiável", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Self_signed_certificate_with_a_victims_cnpj_does_not_register_the_victim_as_an_entity()
    {
        var admin = _services.GetRequiredService<TenancyAdmin>();
        var tenant = await admin.CreateTenantAsync("Atacante", ct: Ct);
        using var forged = TestCertificateAuthority.SelfSignedECnpj(Victim, "EMPRESA VITIMA LTDA");

        var e = await Assert.ThrowsAsync<TenancyException>(() => admin.SaveEntityAsync(new EntityRegistration
        {
            TenantId = tenant.TenantId,
            Cnpj = Victim,
            Uf = "SP",
            tpAmb = 1,
            Pfx = forged.Export(X509ContentType.Pkcs12, Password),
            PfxPassword = Password,
        }, Ct));

        Assert.Equal(TenancyErrorCodes.Certificates.UntrustedChain, e.Code);
        var directory = _services.GetRequiredService<TenantDirectory>();
        Assert.Null(await directory.GetEntityAsync(tenant.TenantId, Victim, Ct));
        Assert.DoesNotContain(await directory.ForCnpjAsync(Victim, Ct), e => e.TenantId == tenant.TenantId);
    }

    [Fact]
    public async Task Certificate_issued_by_an_untrusted_ca_is_refused_even_with_that_ca_in_the_pfx()
    {
        using var rogue = TestCertificateAuthority.Create("AC Raiz Brasileira v5");
        using var leaf = rogue.IssueECnpj(Victim, "EMPRESA VITIMA LTDA");
        using var rogueRoot = X509CertificateLoader.LoadCertificate(rogue.Certificate.RawData);

        await AssertRefusedAsync(TenancyErrorCodes.Certificates.UntrustedChain, new X509Certificate2Collection { leaf, rogueRoot }.Export(X509ContentType.Pkcs12, Password)!);
    }

    [Fact]
    public async Task Chain_with_a_missing_intermediate_is_refused_and_the_same_certificate_with_its_chain_is_accepted()
    {
        using var intermediate = _ca.CreateIntermediate("Security Tests Issuing CA");
        _crls.Publish("issuing-ok", intermediate);
        using var leaf = intermediate.IssueECnpj(Victim, "EMPRESA LEGITIMA LTDA");
        using var intermediatePublic = X509CertificateLoader.LoadCertificate(intermediate.Certificate.RawData);

        var e = await AssertRefusedAsync(TenancyErrorCodes.Certificates.UntrustedChain, leaf.Export(X509ContentType.Pkcs12, Password));
        var imported = await Store.ImportAsync("tenant-ok", Victim, new X509Certificate2Collection { leaf, intermediatePublic }.Export(X509ContentType.Pkcs12, Password)!, Password, Ct);

        Assert.Contains("cadeia completa", e.Message, StringComparison.Ordinal);
        Assert.Equal(leaf.Thumbprint, imported.Info.Thumbprint);
        Assert.True(_crls.Downloads("issuing-ok") >= 1, "the issuing CA's CRL was not consulted");
    }

    [Fact]
    public async Task Revoked_certificate_is_refused_on_upload()
    {
        using var intermediate = _ca.CreateIntermediate("Security Tests Revoking CA");
        _crls.Publish("issuing-revoking", intermediate);
        using var leaf = intermediate.IssueECnpj(Victim, "EMPRESA LEGITIMA LTDA");
        using var intermediatePublic = X509CertificateLoader.LoadCertificate(intermediate.Certificate.RawData);
        intermediate.Revoke(leaf);

        var e = await AssertRefusedAsync(TenancyErrorCodes.Certificates.Revoked, new X509Certificate2Collection { leaf, intermediatePublic }.Export(X509ContentType.Pkcs12, Password)!);

        Assert.Contains("revogado", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Certificate_under_a_revoked_intermediate_is_refused_on_upload()
    {
        using var intermediate = _ca.CreateIntermediate("Security Tests Revoked Issuing CA");
        _crls.Publish("issuing-revoked", intermediate);
        using var leaf = intermediate.IssueECnpj(Victim, "EMPRESA LEGITIMA LTDA");
        using var intermediatePublic = X509CertificateLoader.LoadCertificate(intermediate.Certificate.RawData);
        _ca.Revoke(intermediate.Certificate);

        await AssertRefusedAsync(TenancyErrorCodes.Certificates.Revoked, new X509Certificate2Collection { leaf, intermediatePublic }.Export(X509ContentType.Pkcs12, Password)!);
    }

    [Fact]
    public async Task Certificate_whose_crl_cannot_be_fetched_is_refused_as_revocation_unknown()
    {
        using var intermediate = _ca.CreateIntermediate("Security Tests Silent CA");
        intermediate.CrlUrl = _crls.UrlFor("never-published");
        using var leaf = intermediate.IssueECnpj(Victim, "EMPRESA LEGITIMA LTDA");
        using var intermediatePublic = X509CertificateLoader.LoadCertificate(intermediate.Certificate.RawData);

        var e = await AssertRefusedAsync(TenancyErrorCodes.Certificates.RevocationUnknown, new X509Certificate2Collection { leaf, intermediatePublic }.Export(X509ContentType.Pkcs12, Password)!);

        Assert.Contains("Tente novamente", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Valid_certificate_from_the_configured_test_ca_is_accepted_with_revocation_checked_online()
    {
        using var leaf = _ca.IssueECnpj(Victim, "EMPRESA LEGITIMA LTDA");

        var imported = await Store.ImportAsync("tenant-good", Victim, leaf.Export(X509ContentType.Pkcs12, Password), Password, Ct);

        Assert.Equal(Victim, imported.Info.Cnpj);
        Assert.True(_crls.Downloads("root") >= 1, "the root's CRL was not consulted");
    }

    private ICertificateStore Store => _services.GetRequiredService<ICertificateStore>();

    private async Task<TenancyException> AssertRefusedAsync(string code, byte[] pfx)
    {
        var e = await Assert.ThrowsAsync<TenancyException>(() => Store.ImportAsync("tenant-attacker", Victim, pfx, Password, Ct));
        Assert.Equal(code, e.Code);
        var container = _services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(_services.GetRequiredService<IOptions<CertificateStoreOptions>>().Value.Container);
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "tenant-attacker/", Ct))
        {
            Assert.Fail($"A refused certificate was stored: {blob.Name}.");
        }
        return e;
    }
}
