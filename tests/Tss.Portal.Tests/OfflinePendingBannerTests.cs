using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using Tss.Contracts.Documents;
using Tss.Pipeline;
using Tss.Pipeline.Documents;
using Tss.Protocol.AccessKeys;

namespace Tss.Portal.Tests;

/// <summary>
/// The contingency page's banner in headless chromium: the tenant's NFC-e issued off-line and still waiting for their
/// authorization are counted, and those within 4 h of their 24 h limit are called out.
/// </summary>
public sealed class OfflinePendingBannerTests(PortalFixture fixture)
{
    private const string Password = "segredo-forte-123";

    [Fact]
    public async Task Pending_off_line_nfce_are_counted_on_the_contingency_page_and_those_near_the_limit_called_out()
    {
        await using var context = await fixture.NewBrowserContextAsync();
        var page = await context.NewPageAsync();
        var cnpj = PortalFixture.NewCnpj();
        await page.GotoAsync("portal/signup");
        await page.FillAsync("#companyName", "Paranaense Off-line Ltda");
        await page.FillAsync("#cnpj", cnpj);
        await page.FillAsync("#email", PortalFixture.NewEmail("offline"));
        await page.FillAsync("#password", Password);
        await page.FillAsync("#confirmPassword", Password);
        await page.ClickAsync("#signup-submit");
        await page.WaitForURLAsync("**/portal/entities/new", new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.SelectOptionAsync("#uf", "PR");
        await page.SetInputFilesAsync("#pfx", new FilePayload { Name = "certificado.pfx", MimeType = "application/x-pkcs12", Buffer = fixture.Pfx(cnpj, PortalJourney.PfxPassword) });
        await page.FillAsync("#pfxPassword", PortalJourney.PfxPassword);
        await page.ClickAsync("#entity-submit");
        await page.WaitForURLAsync($"**/portal/entities/{cnpj}", new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });

        await page.GotoAsync("portal/contingency");
        Assert.Equal(0, await page.Locator("#offline-pending").CountAsync());

        await page.GotoAsync("portal/settings");
        var tenantId = (await page.InnerTextAsync("#tenant-id")).Trim();
        var now = fixture.Time.GetUtcNow();
        await SeedOfflineAsync(tenantId, cnpj, 1, now.AddHours(-21), DocumentStatus.InLot);
        await SeedOfflineAsync(tenantId, cnpj, 2, now.AddHours(-1), DocumentStatus.Pending);
        await SeedOfflineAsync(tenantId, cnpj, 3, now.AddHours(-22), DocumentStatus.Authorized);

        await page.GotoAsync("portal/contingency");
        var banner = await page.InnerTextAsync("#offline-pending");

        Assert.Contains("2 NFC-e emitida(s) em contingência off-line aguardando autorização", banner, StringComparison.Ordinal);
        Assert.Contains("1 a menos de 4 h do prazo de 24 h", await page.InnerTextAsync("#offline-near-limit"), StringComparison.Ordinal);
    }

    private async Task SeedOfflineAsync(string tenantId, string cnpj, int nNF, DateTimeOffset issuedAt, DocumentStatus status)
    {
        var key = AccessKey.Build(new AccessKeyParts(41, 26, 11, cnpj, 65, 1, nNF, 9, 24681357));
        var doc = new DocumentRecord
        {
            PartitionKey = DocumentRecord.PartitionFor(tenantId, key),
            RowKey = key.Value,
            TenantId = tenantId,
            Cnpj = cnpj,
            mod = 65,
            tpAmb = 2,
            Uf = "PR",
            Status = status.ToString(),
            SignedXml = "<NFe/>",
            DigestValue = "x",
            ReceivedAt = issuedAt,
            UpdatedAt = issuedAt,
            OfflineIssuedAt = issuedAt,
            OfflineTransmitBy = issuedAt.AddHours(24),
        };
        var options = fixture.Services.GetRequiredService<IOptions<PipelineOptions>>().Value;
        await fixture.Services.GetRequiredService<TableServiceClient>().GetTableClient(options.DocumentsTable)
            .UpsertEntityAsync(doc, TableUpdateMode.Replace, TestContext.Current.CancellationToken);
    }
}
