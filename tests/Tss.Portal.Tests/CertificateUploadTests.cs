using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Tss.Contracts.Entities;
using Tss.Protocol.Nfce;

namespace Tss.Portal.Tests;

/// <summary>Certificate upload validated on the spot: each refusal is a clear pt-BR message and saves nothing.</summary>
public sealed class CertificateUploadTests(PortalFixture fixture)
{
    private const string Password = "segredo-forte-123";

    public static TheoryData<string, string> Refusals => new()
    {
        { "wrong_password", "A senha informada não abre este certificado." },
        { "other_company", "Este certificado é de outra empresa (a raiz do CNPJ não confere)." },
        { "expired", "Este certificado está vencido." },
        { "not_yet_valid", "Este certificado ainda não é válido." },
        { "no_private_key", "O arquivo não contém a chave privada" },
        { "not_a_pfx", "O arquivo enviado não é um certificado A1" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refused_certificate_shows_its_message_and_saves_no_entity(string kind, string message)
    {
        using var session = fixture.NewSession();
        await session.SignUpAsync(PortalFixture.NewEmail(), Password, PortalFixture.NewCnpj());
        var cnpj = PortalFixture.NewCnpj();
        var now = fixture.Time.GetUtcNow();
        var (pfx, password) = kind switch
        {
            "wrong_password" => (fixture.Pfx(cnpj, PortalJourney.PfxPassword), "outra-senha"),
            "other_company" => (fixture.Pfx(PortalFixture.NewCnpj(), PortalJourney.PfxPassword), PortalJourney.PfxPassword),
            "expired" => (fixture.Pfx(cnpj, PortalJourney.PfxPassword, now.AddYears(-2), now.AddDays(-3)), PortalJourney.PfxPassword),
            "not_yet_valid" => (fixture.Pfx(cnpj, PortalJourney.PfxPassword, now.AddDays(30), now.AddYears(1)), PortalJourney.PfxPassword),
            "no_private_key" => (PublicOnly(cnpj), PortalJourney.PfxPassword),
            _ => ("isto não é um certificado"u8.ToArray(), PortalJourney.PfxPassword),
        };

        using var response = await session.PostMultipartAsync("portal/entities/new",
            [new("cnpj", cnpj), new("uf", "SP"), new("tpAmb", "2"), new("pfxPassword", password)], "pfx", pfx, "portal/entities/new");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.DoesNotContain(password, html, StringComparison.Ordinal);
        var (status, _) = await session.GetHtmlAsync($"portal/entities/{cnpj}");
        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task A_good_certificate_is_saved_with_its_expiry_and_a_warning_when_it_is_near()
    {
        using var session = fixture.NewSession();
        await session.SignUpAsync(PortalFixture.NewEmail(), Password, PortalFixture.NewCnpj());
        var cnpj = PortalFixture.NewCnpj();
        var now = fixture.Time.GetUtcNow();

        using var response = await session.PostMultipartAsync("portal/entities/new",
            [new("cnpj", cnpj), new("uf", "SP"), new("tpAmb", "2"), new("cscId", "000001"), new("cscToken", "0123456789ABCDEF0123"), new("pfxPassword", PortalJourney.PfxPassword)],
            "pfx", fixture.Pfx(cnpj, PortalJourney.PfxPassword, now.AddDays(-300), now.AddDays(10)), "portal/entities/new");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (status, html) = await session.GetHtmlAsync($"portal/entities/{cnpj}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"data-cert-expiry=\"{now.AddDays(10):yyyy-MM-dd}\"", html, StringComparison.Ordinal);
        Assert.Contains("renove o certificado", html, StringComparison.Ordinal);
        Assert.Contains("configurado", html, StringComparison.Ordinal);
        Assert.DoesNotContain("0123456789ABCDEF0123", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_nfce_csc_lands_on_the_entity_the_pipeline_reads_and_survives_later_edits()
    {
        using var session = fixture.NewSession();
        await session.SignUpAsync(PortalFixture.NewEmail(), Password, PortalFixture.NewCnpj());
        var cnpj = PortalFixture.NewCnpj();
        var now = fixture.Time.GetUtcNow();
        using var created = await session.PostMultipartAsync("portal/entities/new",
            [new("cnpj", cnpj), new("uf", "SP"), new("tpAmb", "2"), new("cscId", "000001"), new("cscToken", "0123456789ABCDEF0123"), new("pfxPassword", PortalJourney.PfxPassword)],
            "pfx", fixture.Pfx(cnpj, PortalJourney.PfxPassword, now.AddDays(-1), now.AddDays(300)), "portal/entities/new");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var tenantId = (await EntityAsync(cnpj)).TenantId;

        // A new idCSC with the CSC left blank keeps the CSC on file; the distribution settings page leaves both alone.
        using var edited = await session.PostFormAsync($"portal/entities/{cnpj}", [new("uf", "SP"), new("ie", ""), new("tpAmb", "2"), new("cscId", "000002"), new("cscToken", "")]);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        using var distribution = await session.PostFormAsync($"portal/entities/{cnpj}/distribution", [new("webhookUrl", ""), new("webhookSecret", ""), new("email", "fiscal@example.com")]);
        Assert.Equal(HttpStatusCode.Redirect, distribution.StatusCode);

        var entity = await fixture.Services.GetRequiredService<IEntityDirectory>().FindAsync(tenantId, cnpj, TestContext.Current.CancellationToken);
        Assert.Equal(new NfceCsc("000002", "0123456789ABCDEF0123"), entity!.NfceCsc);
    }

    private async Task<Tss.Tenancy.Entities.EntityRecord> EntityAsync(string cnpj)
    {
        var tables = fixture.Services.GetRequiredService<Azure.Data.Tables.TableServiceClient>();
        var table = tables.GetTableClient(fixture.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Tss.Tenancy.TenancyOptions>>().Value.EntitiesTable);
        var rows = new List<Tss.Tenancy.Entities.EntityRecord>();
        await foreach (var row in table.QueryAsync<Tss.Tenancy.Entities.EntityRecord>(e => e.RowKey == cnpj, cancellationToken: TestContext.Current.CancellationToken))
        {
            rows.Add(row);
        }
        return Assert.Single(rows);
    }

    [Fact]
    public async Task A_webhook_to_the_metadata_address_is_refused_and_an_https_one_is_saved()
    {
        using var session = fixture.NewSession();
        await session.SignUpAsync(PortalFixture.NewEmail(), Password, PortalFixture.NewCnpj());
        var cnpj = PortalFixture.NewCnpj();
        await PortalJourney.AddEntityAsync(session, fixture, cnpj);
        var path = $"portal/entities/{cnpj}/distribution";

        using var blocked = await session.PostFormAsync(path, [new("webhookUrl", "https://169.254.169.254/latest"), new("webhookSecret", "segredo-do-webhook-1"), new("email", "")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, blocked.StatusCode);
        Assert.Contains("não é permitido para webhooks", await blocked.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        using var saved = await session.PostFormAsync(path, [new("webhookUrl", "https://erp.example.com/nfe"), new("webhookSecret", "segredo-do-webhook-1"), new("email", "fiscal@example.com")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, html) = await session.GetHtmlAsync(path);
        Assert.Contains("https://erp.example.com/nfe", html, StringComparison.Ordinal);
        Assert.DoesNotContain("segredo-do-webhook-1", html, StringComparison.Ordinal);
    }

    private byte[] PublicOnly(string cnpj)
    {
        using var full = fixture.Ca.IssueECnpj(cnpj, "SEM CHAVE");
        using var publicOnly = X509CertificateLoader.LoadCertificate(full.RawData);
        return publicOnly.Export(X509ContentType.Pkcs12, PortalJourney.PfxPassword);
    }
}
