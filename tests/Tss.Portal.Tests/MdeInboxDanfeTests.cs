using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tss.DevTools.Samples;
using Tss.Mde.Documents;
using Tss.Mde.Protocol;

namespace Tss.Portal.Tests;

/// <summary>The MD-e inbox's "DANFE (PDF)" for a received nfeProc: another issuer's NF-e, printed from its protocol.</summary>
public sealed class MdeInboxDanfeTests(PortalFixture fixture)
{
    private const string Password = "segredo-forte-123";
    private const string Supplier = "99888777000166";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_received_nfeProc_has_a_danfe_link_that_downloads_the_pdf_and_only_for_its_tenant()
    {
        var cnpj = PortalFixture.NewCnpj();
        using var owner = fixture.NewSession();
        var tenantId = await owner.SignUpAsync(PortalFixture.NewEmail("mde-danfe"), Password, cnpj, "Destinatária Ltda");
        await PortalJourney.AddEntityAsync(owner, fixture, cnpj);
        var proc = SampleProcNFe.Create(new SampleProcNFeOptions
        {
            Nfe = new SampleNfeOptions { EmitCnpj = Supplier, nNF = 77, tpAmb = 1 },
            Reindent = true,
        });
        var chNFe = proc[(proc.IndexOf("Id=\"NFe", StringComparison.Ordinal) + 7)..][..44];
        var store = fixture.Services.GetRequiredService<MdeDocumentStore>();
        await store.EnsureCreatedAsync(Ct);
        await store.IndexAsync(tenantId, cnpj, 55, [
            new ReceivedDocument(1, "procNFe_v4.00.xsd", DocumentType.ProcNFe, proc) { chNFe = chNFe, EmitCnpj = Supplier },
            new ReceivedDocument(2, "resNFe_v1.01.xsd", DocumentType.ResNFe, "<resNFe xmlns=\"http://www.portalfiscal.inf.br/nfe\"/>") { chNFe = chNFe },
        ], Ct);

        var (_, html) = await owner.GetHtmlAsync($"portal/entities/{cnpj}/mde");
        Assert.Contains($"mde/danfe?nsu=1", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"mde/danfe?nsu=2", html, StringComparison.Ordinal);
        using var pdf = await owner.GetAsync($"portal/entities/{cnpj}/mde/danfe?nsu=1");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", await pdf.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var summary = await owner.GetAsync($"portal/entities/{cnpj}/mde/danfe?nsu=2");
        Assert.Equal(HttpStatusCode.NotFound, summary.StatusCode);

        using var other = fixture.NewSession();
        await other.SignUpAsync(PortalFixture.NewEmail("outra-danfe"), Password, PortalFixture.NewCnpj(), "Outra Ltda");
        using var stranger = await other.GetAsync($"portal/entities/{cnpj}/mde/danfe?nsu=1");
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
    }
}
