using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using Tss.Contracts.Entities;
using Tss.Mde;
using Tss.Mde.Documents;
using Tss.Mde.Manifestacao;
using Tss.Mde.Sync;
using Tss.Runtime.Storage;

namespace Tss.Portal.Tests;

/// <summary>
/// Manifestação do destinatário from the MD-e inbox: the event reaches the simulator's Ambiente Nacional and the outcome
/// comes back as a flash; a bad justification, another tenant's company or a key outside the inbox sends nothing.
/// </summary>
public sealed class MdeManifestacaoTests(PortalFixture fixture) : IDisposable
{
    private const string Password = "segredo-forte-123";
    private const string Ciencia = "210210";
    private const string OperacaoNaoRealizada = "210240";

    private readonly HttpClient _admin = new() { BaseAddress = fixture.SimulatorAdmin };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _admin.Dispose();

    [Fact]
    public async Task Ciencia_on_a_listed_summary_is_registered_at_the_Ambiente_Nacional_and_shown_in_the_inbox()
    {
        var (owner, tenantId, cnpj, keys) = await InboxWithSummariesAsync(2);
        using var _ = owner;

        using var response = await ManifestAsync(owner, cnpj, keys[0], Ciencia);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/portal/entities/{cnpj}/mde", response.Headers.Location?.OriginalString);
        var html = await InboxAsync(owner, cnpj);
        Assert.Contains("Ciência da operação registrada: 135 - Evento registrado e vinculado a NF-e. Protocolo 891", html, StringComparison.Ordinal);
        Assert.Contains($"data-tp-evento=\"{Ciencia}\"", html, StringComparison.Ordinal);
        Assert.Contains(Ciencia, await SimulatorManifestacoesAsync(cnpj, keys[0]));
        Assert.Empty(await SimulatorManifestacoesAsync(cnpj, keys[1]));
        Assert.Equal(135, (await StoredAsync(tenantId, cnpj, keys[0], Ciencia))?.cStat);

        // The flash shows once; a second click is answered from storage, without another event at SEFAZ.
        Assert.DoesNotContain("registrada: 135", await InboxAsync(owner, cnpj), StringComparison.Ordinal);
        using var again = await ManifestAsync(owner, cnpj, keys[0], Ciencia);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("Ciência da operação já estava registrada para esta NF-e: 135", await InboxAsync(owner, cnpj), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Operacao_nao_realizada_needs_a_justification_of_15_to_255_characters_and_sends_nothing_without_it()
    {
        var (owner, tenantId, cnpj, keys) = await InboxWithSummariesAsync(1);
        using var _ = owner;

        foreach (var xJust in new[] { "", "curta demais" })
        {
            using var refused = await ManifestAsync(owner, cnpj, keys[0], OperacaoNaoRealizada, xJust);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));
            Assert.Contains("id=\"manifestacao-errors\"", page, StringComparison.Ordinal);
            Assert.Contains("class=\"field-error\">Para \"Operação não realizada\" informe a justificativa: de 15 a 255 caracteres", page, StringComparison.Ordinal);
            Assert.Contains("data-nsu=\"1\"", page, StringComparison.Ordinal);
        }
        Assert.Empty(await SimulatorManifestacoesAsync(cnpj, keys[0]));
        Assert.Null(await StoredAsync(tenantId, cnpj, keys[0], OperacaoNaoRealizada));

        using var sent = await ManifestAsync(owner, cnpj, keys[0], OperacaoNaoRealizada, "  Mercadoria devolvida na portaria  ");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("Operação não realizada registrada: 135", await InboxAsync(owner, cnpj), StringComparison.Ordinal);
        Assert.Equal([OperacaoNaoRealizada], await SimulatorManifestacoesAsync(cnpj, keys[0]));
    }

    [Fact]
    public async Task Another_tenant_and_a_key_outside_the_inbox_get_404_and_nothing_is_sent()
    {
        var (owner, tenantId, cnpj, keys) = await InboxWithSummariesAsync(1);
        using var _ = owner;

        // Another tenant posting to the owner's URL, then again after registering the same CNPJ as its own company.
        using var stranger = fixture.NewSession();
        var strangerId = await stranger.SignUpAsync(PortalFixture.NewEmail("estranha"), Password, PortalFixture.NewCnpj(), "Estranha Ltda");
        using (var response = await ManifestAsync(stranger, cnpj, keys[0], Ciencia, tokenPage: "portal/apikeys"))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        await PortalJourney.AddEntityAsync(stranger, fixture, cnpj);
        using (var response = await ManifestAsync(stranger, cnpj, keys[0], Ciencia, tokenPage: "portal/apikeys"))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        Assert.Null(await StoredAsync(strangerId, cnpj, keys[0], Ciencia));

        // The owner with a real key of another company's stream, and with a malformed key.
        var elsewhere = (await SeedAsync(PortalFixture.NewCnpj(), 1))[0];
        foreach (var chNFe in new[] { elsewhere, "123", keys[0][..^1] })
        {
            using var response = await ManifestAsync(owner, cnpj, chNFe, Ciencia);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        Assert.Null(await StoredAsync(tenantId, cnpj, elsewhere, Ciencia));
        Assert.Empty(await SimulatorManifestacoesAsync(cnpj, keys[0]));
        Assert.Null(await StoredAsync(tenantId, cnpj, keys[0], Ciencia));
    }

    [Fact]
    public async Task SEFAZ_down_is_shown_as_a_pt_BR_refusal_and_the_next_click_registers()
    {
        var (owner, tenantId, cnpj, keys) = await InboxWithSummariesAsync(1);
        using var _ = owner;
        var token = await owner.TokenAsync($"portal/entities/{cnpj}/mde");
        using (var fault = await _admin.PostAsJsonAsync("/admin/faults",
            new { kind = "httpError", service = "NFeRecepcaoEvento4", count = 1, statusCode = 503 }, Ct))
        {
            Assert.Equal(HttpStatusCode.Created, fault.StatusCode);
        }

        using var down = await PostAsync(owner, cnpj, keys[0], Ciencia, null, token);
        Assert.Equal(HttpStatusCode.Redirect, down.StatusCode);
        var html = await InboxAsync(owner, cnpj);
        Assert.Contains("id=\"flash-error\"", html, StringComparison.Ordinal);
        Assert.Contains("A SEFAZ (Ambiente Nacional) não respondeu e a manifestação não foi registrada.", html, StringComparison.Ordinal);
        Assert.Null(await StoredAsync(tenantId, cnpj, keys[0], Ciencia));

        using var up = await PostAsync(owner, cnpj, keys[0], Ciencia, null, token);
        Assert.Equal(HttpStatusCode.Redirect, up.StatusCode);
        Assert.Contains("Ciência da operação registrada: 135", await InboxAsync(owner, cnpj), StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_the_browser_the_buttons_of_a_row_send_ciencia_and_ask_for_the_justification()
    {
        var email = PortalFixture.NewEmail("navegador");
        var (owner, _, cnpj, keys) = await InboxWithSummariesAsync(1, email);
        owner.Dispose();
        Directory.CreateDirectory(PortalFixture.ScreenshotDirectory);
        await using var context = await fixture.NewBrowserContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("portal/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal), new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });

        await page.GotoAsync($"portal/entities/{cnpj}/mde");
        var row = page.Locator("tr[data-nsu='1']");
        await row.Locator("button[value='210240']").ClickAsync();
        Assert.Contains("informe a justificativa", await row.Locator(".field-error").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(PortalFixture.ScreenshotDirectory, "mde-01-justificativa.png"), FullPage = true });

        await row.Locator("button[value='210210']").ClickAsync();
        await page.WaitForURLAsync($"**/portal/entities/{cnpj}/mde", new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        Assert.Contains("Ciência da operação registrada: 135", await page.InnerTextAsync("#flash"), StringComparison.Ordinal);
        Assert.Contains("Ciência da operação — 135", await row.Locator("ul.manifestacoes").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(PortalFixture.ScreenshotDirectory, "mde-02-ciencia.png"), FullPage = true });
        Assert.Contains(Ciencia, await SimulatorManifestacoesAsync(cnpj, keys[0]));
    }

    /// <summary>A new tenant with a company whose inbox holds <paramref name="count"/> summaries synced from the simulator.</summary>
    private async Task<(PortalSession Owner, string TenantId, string Cnpj, IReadOnlyList<string> Keys)> InboxWithSummariesAsync(int count,
        string? email = null)
    {
        var cnpj = PortalFixture.NewCnpj();
        var owner = fixture.NewSession();
        var tenantId = await owner.SignUpAsync(email ?? PortalFixture.NewEmail("dest"), Password, cnpj, "Destinatária Ltda");
        await PortalJourney.AddEntityAsync(owner, fixture, cnpj);
        var keys = await SeedAsync(cnpj, count);
        var entity = await fixture.Services.GetRequiredService<IEntityDirectory>().FindAsync(tenantId, cnpj, Ct);
        var sync = await fixture.Services.GetRequiredService<MdeSyncService>().SyncAsync(entity!, 55, Ct);
        Assert.Equal(count, sync.NewDocuments);
        var html = await InboxAsync(owner, cnpj);
        Assert.All(keys, k => Assert.Contains(k, html, StringComparison.Ordinal));
        Assert.Equal(count, html.Split("class=\"manifestacao\"").Length - 1);
        return (owner, tenantId, cnpj, keys);
    }

    private async Task<IReadOnlyList<string>> SeedAsync(string cnpj, int count)
    {
        using var seeded = await _admin.PostAsJsonAsync($"/admin/distdfe/{cnpj}/documents", new { count }, Ct);
        Assert.Equal(HttpStatusCode.OK, seeded.StatusCode);
        var body = JsonNode.Parse(await seeded.Content.ReadAsStringAsync(Ct))!;
        return [.. body["keys"]!.AsArray().Select(k => k!.GetValue<string>())];
    }

    private async Task<List<string>> SimulatorManifestacoesAsync(string cnpj, string chNFe) =>
        await _admin.GetFromJsonAsync<List<string>>($"/admin/distdfe/{cnpj}/manifestacoes/{chNFe}", Ct) ?? [];

    /// <summary>The manifestação row the service keeps after every answer from SEFAZ (none means nothing was sent).</summary>
    private async Task<ManifestacaoRecord?> StoredAsync(string tenantId, string cnpj, string chNFe, string tpEvento)
    {
        var table = fixture.Services.GetRequiredService<StorageClients>()
            .GetTable(fixture.Services.GetRequiredService<IOptions<MdeOptions>>().Value.DocumentsTable);
        var read = await table.GetEntityIfExistsAsync<ManifestacaoRecord>(MdeDocumentRecord.PartitionFor(tenantId, cnpj),
            ManifestacaoRecord.RowKeyFor(chNFe, tpEvento), cancellationToken: Ct);
        return read.HasValue ? read.Value : null;
    }

    private static async Task<string> InboxAsync(PortalSession session, string cnpj)
    {
        var (status, html) = await session.GetHtmlAsync($"portal/entities/{cnpj}/mde");
        Assert.Equal(HttpStatusCode.OK, status);
        return WebUtility.HtmlDecode(html);
    }

    private static async Task<HttpResponseMessage> ManifestAsync(PortalSession session, string cnpj, string chNFe, string tpEvento, string? xJust = null,
        string? tokenPage = null) =>
        await PostAsync(session, cnpj, chNFe, tpEvento, xJust, await session.TokenAsync(tokenPage ?? $"portal/entities/{cnpj}/mde"));

    private static async Task<HttpResponseMessage> PostAsync(PortalSession session, string cnpj, string chNFe, string tpEvento, string? xJust, string token)
    {
        List<KeyValuePair<string, string>> fields = [new("chNFe", chNFe), new("tpEvento", tpEvento), new("__tss_af", token)];
        if (xJust is not null)
        {
            fields.Add(new("xJust", xJust));
        }
        using var content = new FormUrlEncodedContent(fields);
        return await session.Http.PostAsync(new Uri($"portal/entities/{cnpj}/mde/manifest", UriKind.Relative), content, Ct);
    }
}
