using System.Globalization;
using Microsoft.Playwright;

namespace Tss.Portal.Tests;

/// <summary>
/// The onboarding journey in headless chromium: sign up → add a company (a wrong certificate first, then a good one)
/// → create an API key and read it from the page → submit an NF-e through the REST API with it → see it authorized
/// in the monitor and download its procNFe → credits. A screenshot at each step (TestResults/portal-screenshots).
/// </summary>
public sealed class BrowserJourneyTests(PortalFixture fixture)
{
    private const string Password = "segredo-forte-123";

    [Fact]
    public async Task Sign_up_company_certificate_api_key_document_authorized_in_the_monitor()
    {
        Directory.CreateDirectory(PortalFixture.ScreenshotDirectory);
        await using var context = await fixture.NewBrowserContextAsync();
        var page = await context.NewPageAsync();
        var step = 0;
        async Task ShotAsync(string name) =>
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalFixture.ScreenshotDirectory, $"journey-{++step:D2}-{name}.png"), FullPage = true });
        var cnpj = PortalFixture.NewCnpj();
        var email = PortalFixture.NewEmail("jornada");

        // Sign up: lands on "add a company" with the contracting CNPJ filled in.
        await page.GotoAsync("portal/signup");
        await page.FillAsync("#companyName", "Jornada Comércio Ltda");
        await page.FillAsync("#cnpj", cnpj);
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Password);
        await page.FillAsync("#confirmPassword", Password);
        await ShotAsync("signup");
        await page.ClickAsync("#signup-submit");
        // Wait for the redirect's URL to commit, not for its "load" event: under a loaded CI machine that event once
        // took over 30 s although the page was there (NetworkIdle had fired).
        await page.WaitForURLAsync("**/portal/entities/new", new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        Assert.Equal(cnpj, await page.InputValueAsync("#cnpj"));
        Assert.Contains("Conta criada", await page.InnerTextAsync("#flash"), StringComparison.Ordinal);

        // A certificate of another company: refused on the spot, with the reason.
        await page.SelectOptionAsync("#uf", "SP");
        await page.SetInputFilesAsync("#pfx", Pfx(fixture.Pfx(PortalFixture.NewCnpj(), PortalJourney.PfxPassword)));
        await page.FillAsync("#pfxPassword", PortalJourney.PfxPassword);
        await page.ClickAsync("#entity-submit");
        var error = await page.InnerTextAsync("#entity-errors");
        Assert.Contains("Este certificado é de outra empresa", error, StringComparison.Ordinal);
        Assert.Equal("certificate.cnpj_mismatch", await page.GetAttributeAsync("#entity-errors", "data-code"));
        await ShotAsync("wrong-certificate");

        // The right certificate: saved, expiry shown.
        await page.SelectOptionAsync("#uf", "SP");
        await page.SetInputFilesAsync("#pfx", Pfx(fixture.Pfx(cnpj, PortalJourney.PfxPassword)));
        await page.FillAsync("#pfxPassword", PortalJourney.PfxPassword);
        await page.ClickAsync("#entity-submit");
        await page.WaitForURLAsync($"**/portal/entities/{cnpj}", new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        Assert.Contains("Válido até", await page.InnerTextAsync("#certificate-expiry"), StringComparison.Ordinal);
        Assert.Contains("cadastrada", await page.InnerTextAsync("#flash"), StringComparison.Ordinal);
        await ShotAsync("company-saved");

        // An API key, read from the page (shown once).
        await page.GotoAsync("portal/apikeys");
        await page.FillAsync("#name", "ERP da jornada");
        await page.ClickAsync("#create-key");
        var apiKey = (await page.InnerTextAsync("#new-api-key")).Trim();
        Assert.StartsWith("tss_", apiKey, StringComparison.Ordinal);
        await ShotAsync("api-key");

        var before = await CreditsBeforeAsync(page, email);
        await ShotAsync("credits-before");

        // A document through the REST API with that key, then the monitor until it shows "Autorizada".
        var chNFe = await PortalJourney.SubmitAsync(fixture, apiKey, cnpj);
        await page.GotoAsync($"portal/entities/{cnpj}/documents");
        var row = page.Locator($"tr[data-chnfe='{chNFe}'] td.status-Authorized");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await row.CountAsync() == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the monitor did not show the document as authorized within 60 s");
            await Task.Delay(500, TestContext.Current.CancellationToken);
            await page.ReloadAsync();
        }
        Assert.Equal("Autorizada", (await row.InnerTextAsync()).Trim());
        await ShotAsync("monitor-authorized");

        await page.ClickAsync($"a[href$='/documents/{chNFe}']");
        Assert.Equal("100", (await page.InnerTextAsync("#document-cstat")).Trim());
        Assert.Contains("Autorizado", await page.InnerTextAsync("#document-xmotivo"), StringComparison.Ordinal);
        Assert.Contains("Authorized", await page.InnerTextAsync("#history"), StringComparison.Ordinal);
        await ShotAsync("document");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-procnfe"));
        var procNFe = await File.ReadAllTextAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        Assert.Contains("<nfeProc", procNFe, StringComparison.Ordinal);
        Assert.Contains(chNFe, procNFe, StringComparison.Ordinal);
        var danfe = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-danfe"));
        Assert.Equal($"DANFE-{chNFe}.pdf", danfe.SuggestedFilename);
        Assert.StartsWith("%PDF", await File.ReadAllTextAsync(await danfe.PathAsync(), TestContext.Current.CancellationToken), StringComparison.Ordinal);

        await CreditsAfterAsync(page, before);
        await ShotAsync("credits-after");

        // Logging out posts and redirects to the login page: wait for that URL (committed), not for a load event of
        // whichever document is current when the wait starts (that raced the redirect and timed out once in CI).
        await page.ClickAsync("#logout");
        await page.WaitForURLAsync("**/portal/login", new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        await ShotAsync("logged-out");
        Assert.True(page.Url.EndsWith("/portal/login", StringComparison.Ordinal), $"after logout: {page.Url} {await page.ContentAsync()}");
        await page.GotoAsync("portal/home");
        await page.WaitForURLAsync("**/portal/login?returnUrl=*", new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
    }

    /// <summary>An operator tops up 5 credits in the browser and the tenant sees them.</summary>
    private async Task<long> CreditsBeforeAsync(IPage page, string email)
    {
        await using (var operatorContext = await fixture.NewBrowserContextAsync())
        {
            var op = await operatorContext.NewPageAsync();
            await op.GotoAsync("portal/login");
            await op.FillAsync("#email", PortalFixture.OperatorEmail);
            await op.FillAsync("#password", PortalFixture.OperatorPassword);
            await op.ClickAsync("#login-submit");
            await op.WaitForURLAsync("**/portal/operator", new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
            await page.GotoAsync("portal/settings");
            var tenantId = (await page.InnerTextAsync("#tenant-id")).Trim();
            await op.ClickAsync($"tr[data-tenant-id='{tenantId}'] a");
            await op.FillAsync("#credits", "5");
            await op.ClickAsync("#topup");
            Assert.Contains("Recarga registrada", await op.InnerTextAsync("#flash"), StringComparison.Ordinal);
        }
        await page.GotoAsync("portal/credits");
        var balance = long.Parse(await page.GetAttributeAsync("#credits-balance", "data-value") ?? "", CultureInfo.InvariantCulture);
        Assert.Equal(5, balance);
        _ = email;
        return balance;
    }

    /// <summary>The document sent to SEFAZ debited exactly one credit.</summary>
    private async Task CreditsAfterAsync(IPage page, long before)
    {
        await page.GotoAsync("portal/credits");
        var after = long.Parse(await page.GetAttributeAsync("#credits-balance", "data-value") ?? "", CultureInfo.InvariantCulture);
        Assert.Equal(before - 1, after);
        Assert.Equal("1", await page.GetAttributeAsync("#credits-used", "data-value"));
    }

    private static FilePayload Pfx(byte[] content) => new() { Name = "certificado.pfx", MimeType = "application/x-pkcs12", Buffer = content };
}
