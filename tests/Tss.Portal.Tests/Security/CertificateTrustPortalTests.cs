using System.Net;
using System.Security.Cryptography.X509Certificates;
using Tss.DevTools.Pki;

namespace Tss.Portal.Tests.Security;

/// <summary>
/// Issue 12, item 1, through the portal's upload form: a certificate that does not chain to the configured anchor (the
/// test CA here, the ICP-Brasil roots in production) or that its CA revoked is refused with a field error, and no
/// entity is created — so a tenant cannot claim another company's CNPJ with a self-made certificate.
/// </summary>
public sealed class CertificateTrustPortalTests(PortalFixture fixture)
{
    private const string Password = "segredo-forte-123";

    [Fact]
    public async Task Self_signed_certificate_with_a_victims_cnpj_is_refused_by_the_portal_with_a_field_error()
    {
        var victim = PortalFixture.NewCnpj();
        using var forged = TestCertificateAuthority.SelfSignedECnpj(victim, "EMPRESA VITIMA LTDA", fixture.Time);

        var html = await UploadRefusedAsync(victim, forged.Export(X509ContentType.Pkcs12, PortalJourney.PfxPassword));

        Assert.Contains("Este certificado não é de uma autoridade certificadora ICP-Brasil confiável.", html, StringComparison.Ordinal);
        Assert.Contains("certificado autoassinado ou de AC desconhecida", html, StringComparison.Ordinal);
        Assert.Contains("data-code=\"certificate.untrusted_chain\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoked_certificate_is_refused_by_the_portal_with_a_field_error()
    {
        var cnpj = PortalFixture.NewCnpj();
        using var issuing = fixture.Ca.CreateIntermediate("Portal Revoking CA " + cnpj);
        fixture.Crls.Publish("portal-" + cnpj, issuing);
        using var leaf = issuing.IssueECnpj(cnpj, "EMPRESA " + cnpj);
        using var issuingPublic = X509CertificateLoader.LoadCertificate(issuing.Certificate.RawData);
        issuing.Revoke(leaf);

        var html = await UploadRefusedAsync(cnpj, new X509Certificate2Collection { leaf, issuingPublic }.Export(X509ContentType.Pkcs12, PortalJourney.PfxPassword)!);

        Assert.Contains("Este certificado foi revogado.", html, StringComparison.Ordinal);
        Assert.Contains("data-code=\"certificate.revoked\"", html, StringComparison.Ordinal);
    }

    private async Task<string> UploadRefusedAsync(string cnpj, byte[] pfx)
    {
        using var session = fixture.NewSession();
        await session.SignUpAsync(PortalFixture.NewEmail(), Password, PortalFixture.NewCnpj());
        using var response = await session.PostMultipartAsync("portal/entities/new",
            [new("cnpj", cnpj), new("uf", "SP"), new("tpAmb", "2"), new("pfxPassword", PortalJourney.PfxPassword)], "pfx", pfx, "portal/entities/new");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var (status, _) = await session.GetHtmlAsync($"portal/entities/{cnpj}");
        Assert.Equal(HttpStatusCode.NotFound, status);
        return html;
    }
}
