using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tss.Mde.Documents;
using Tss.Mde.Protocol;

namespace Tss.Portal.Tests;

/// <summary>The MD-e inbox: what SEFAZ distributed to the tenant's company, with each XML; nothing of another tenant's.</summary>
public sealed class MdeInboxTests(PortalFixture fixture)
{
    private const string Password = "segredo-forte-123";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ReceivedDocument Summary(long nsu, string chNFe) =>
        new(nsu, "resNFe_v1.01.xsd", DocumentType.ResNFe, $"<resNFe xmlns=\"http://www.portalfiscal.inf.br/nfe\" versao=\"1.01\"><chNFe>{chNFe}</chNFe></resNFe>")
        {
            chNFe = chNFe,
            EmitCnpj = "99888777000166",
            xNome = "FORNECEDOR EXEMPLO LTDA",
            vNF = "1234.56",
            dhEmi = "2026-11-20T10:00:00-03:00",
        };

    [Fact]
    public async Task The_inbox_lists_the_companys_received_documents_with_their_xml_and_hides_them_from_other_tenants()
    {
        var cnpj = PortalFixture.NewCnpj();
        using var owner = fixture.NewSession();
        var tenantId = await owner.SignUpAsync(PortalFixture.NewEmail("mde"), Password, cnpj, "Destinatária Ltda");
        await PortalJourney.AddEntityAsync(owner, fixture, cnpj);
        var store = fixture.Services.GetRequiredService<MdeDocumentStore>();
        await store.EnsureCreatedAsync(Ct);
        var key = "352611" + "99888777000166" + "550010000012341000012345";
        List<ReceivedDocument> received = [Summary(1, key), Summary(2, key[..^1] + "6")];
        await store.IndexAsync(tenantId, cnpj, 55, received, Ct);

        var (status, html) = await owner.GetHtmlAsync($"portal/entities/{cnpj}/mde");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-nsu=\"1\"", html, StringComparison.Ordinal);
        Assert.Contains("data-nsu=\"2\"", html, StringComparison.Ordinal);
        Assert.Contains(key, html, StringComparison.Ordinal);
        Assert.Contains("FORNECEDOR EXEMPLO LTDA", html, StringComparison.Ordinal);
        using var xml = await owner.GetAsync($"portal/entities/{cnpj}/mde/xml?nsu=1");
        Assert.Equal(HttpStatusCode.OK, xml.StatusCode);
        Assert.Equal(received[0].Xml, await xml.Content.ReadAsStringAsync(Ct));
        using var missing = await owner.GetAsync($"portal/entities/{cnpj}/mde/xml?nsu=99");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        // Another tenant, even one that registers the same CNPJ, reads none of this tenant's store: MD-e stores for it only
        // what arrives after it joined, and the history only once a holder grants it (HistorySharingTests in Tss.Mde.Tests).
        using var other = fixture.NewSession();
        await other.SignUpAsync(PortalFixture.NewEmail("outra"), Password, PortalFixture.NewCnpj(), "Outra Ltda");
        using var page = await other.GetAsync($"portal/entities/{cnpj}/mde");
        using var download = await other.GetAsync($"portal/entities/{cnpj}/mde/xml?nsu=1");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        await PortalJourney.AddEntityAsync(other, fixture, cnpj);
        var (twinStatus, twinHtml) = await other.GetHtmlAsync($"portal/entities/{cnpj}/mde");
        Assert.Equal(HttpStatusCode.OK, twinStatus);
        Assert.DoesNotContain(key, twinHtml, StringComparison.Ordinal);
        using var twinDownload = await other.GetAsync($"portal/entities/{cnpj}/mde/xml?nsu=1");
        Assert.Equal(HttpStatusCode.NotFound, twinDownload.StatusCode);
    }
}
