using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tss.Pipeline.Contingency;

namespace Tss.Portal.Tests;

/// <summary>
/// The contingency page in headless chromium: a tenant whose company issues in MG sees MG's mode and the decision that
/// switched it, with the signals, and sets its own company's override through the form (antiforgery on).
/// </summary>
public sealed class ContingencyPageTests(PortalFixture fixture)
{
    private const string Password = "segredo-forte-123";

    [Fact]
    public async Task A_tenant_sees_its_authorizers_mode_and_decision_and_forces_contingency_for_its_company()
    {
        // MG homologation NF-e: five connection failures in the window switch it (no other test issues in MG).
        var contingency = fixture.Services.GetRequiredService<ContingencyService>();
        var mg = new AuthorizerKey("MG", 55, 2);
        await contingency.ImposeAsync(mg, OperatorOverride.None, "teste", TestContext.Current.CancellationToken);
        for (var i = 0; i < 5; i++)
        {
            await contingency.ReportAsync(mg, new ContingencySignal(ContingencySignalKind.TransportFailure, fixture.Time.GetUtcNow(), "connection refused"),
                null, null, TestContext.Current.CancellationToken);
        }
        Assert.Equal(ContingencyMode.Contingency, (await contingency.GetAsync(mg, TestContext.Current.CancellationToken)).Mode);

        await using var context = await fixture.NewBrowserContextAsync();
        var page = await context.NewPageAsync();
        var cnpj = PortalFixture.NewCnpj();
        await page.GotoAsync("portal/signup");
        await page.FillAsync("#companyName", "Mineira Contingência Ltda");
        await page.FillAsync("#cnpj", cnpj);
        await page.FillAsync("#email", PortalFixture.NewEmail("contingencia"));
        await page.FillAsync("#password", Password);
        await page.FillAsync("#confirmPassword", Password);
        await page.ClickAsync("#signup-submit");
        await page.WaitForURLAsync("**/portal/entities/new", new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.SelectOptionAsync("#uf", "MG");
        await page.SetInputFilesAsync("#pfx", new FilePayload { Name = "certificado.pfx", MimeType = "application/x-pkcs12", Buffer = fixture.Pfx(cnpj, PortalJourney.PfxPassword) });
        await page.FillAsync("#pfxPassword", PortalJourney.PfxPassword);
        await page.ClickAsync("#entity-submit");
        await page.WaitForURLAsync($"**/portal/entities/{cnpj}", new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });

        await page.GotoAsync("portal/contingency");
        var mode = await page.InnerTextAsync("#authorizer-MG-55-2 .mode");
        var decision = await page.InnerTextAsync("#authorizer-MG-55-2 tr.decision");
        Directory.CreateDirectory(PortalFixture.ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalFixture.ScreenshotDirectory, "contingency.png"), FullPage = true });

        Assert.Contains("MG em contingência SVC-", mode, StringComparison.Ordinal);
        Assert.Contains("5 falhas de conexão", mode, StringComparison.Ordinal);
        Assert.Contains("normal → contingência", decision, StringComparison.Ordinal);
        Assert.Contains("5 falhas de conexão", decision, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#authorizer-SP-55-2").CountAsync());

        // The company's own override, through the form (the page carries the antiforgery token).
        Assert.Equal(1, await page.Locator($"#entity-{cnpj} input[name='__tss_af']").CountAsync());
        await page.SelectOptionAsync($"#entity-{cnpj} select[name='mode']", "Force");
        await page.ClickAsync($"#entity-{cnpj} button[type='submit']");
        await page.WaitForURLAsync("**/portal/contingency", new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });

        Assert.Contains("forçada", await page.InnerTextAsync("#flash"), StringComparison.Ordinal);
        Assert.Contains("forçada", await page.InnerTextAsync($"#entity-{cnpj} .override"), StringComparison.Ordinal);
        var tenantId = (await fixture.Services.GetRequiredService<Tss.Portal.Entities.PortalEntities>().GetAsync(await TenantIdAsync(page), cnpj, TestContext.Current.CancellationToken))!.TenantId;
        Assert.Equal(OperatorOverride.Force, await contingency.EntityOverrideAsync(tenantId, cnpj, TestContext.Current.CancellationToken));

        // The same post with the session cookie but without the form's token is refused and changes nothing.
        var forged = await context.APIRequest.PostAsync("portal/contingency", new APIRequestContextOptions
        {
            Form = context.APIRequest.CreateFormData().Append("cnpj", cnpj).Append("mode", "Forbid"),
            MaxRedirects = 0,
        });
        Assert.Equal(400, forged.Status);
        Assert.Equal(OperatorOverride.Force, await contingency.EntityOverrideAsync(tenantId, cnpj, TestContext.Current.CancellationToken));
    }

    private static async Task<string> TenantIdAsync(IPage page)
    {
        await page.GotoAsync("portal/settings");
        return (await page.InnerTextAsync("#tenant-id")).Trim();
    }
}
