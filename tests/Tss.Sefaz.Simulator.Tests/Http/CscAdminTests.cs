using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tss.Sefaz.Simulator.Nfce;

namespace Tss.Sefaz.Simulator.Tests.Http;

/// <summary>/admin/nfce/{cnpj}/csc: register, revoke, list (ids and states only), input validation.</summary>
public class CscAdminTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>, IAsyncLifetime
{
    private const string Cnpj = "11222333000181";

    public async ValueTask InitializeAsync() => await simulator.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Listing_shows_ids_and_revocation_but_never_the_csc_values()
    {
        await PutAsync(Cnpj, "000002", "SEGREDO0123456789ABCDEF", HttpStatusCode.NoContent);
        await PutAsync(Cnpj, "1", "OUTROSEGREDO0123456789", HttpStatusCode.NoContent);
        using (var revoke = await simulator.Admin.DeleteAsync(NfceAuthorizationTests.CscPath(Cnpj, "2"), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }

        var body = await simulator.Admin.GetStringAsync(new Uri($"/admin/nfce/{Cnpj}/csc", UriKind.Relative), TestContext.Current.CancellationToken);
        var listed = JsonSerializer.Deserialize<List<CscView>>(body, AdminJson.Options)!;

        Assert.Equal([new CscView(1, false), new CscView(2, true)], listed);
        Assert.DoesNotContain("SEGREDO", body, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await simulator.GetAsync<List<CscView>>("/admin/nfce/99888777000166/csc"));
    }

    [Fact]
    public async Task Registering_a_revoked_id_again_makes_it_active()
    {
        await PutAsync(Cnpj, "5", "SEGREDO0123456789ABCDEF", HttpStatusCode.NoContent);
        using (var revoke = await simulator.Admin.DeleteAsync(NfceAuthorizationTests.CscPath(Cnpj, "5"), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }

        await PutAsync(Cnpj, "5", "NOVOSEGREDO0123456789", HttpStatusCode.NoContent);

        Assert.Equal([new CscView(5, false)], await simulator.GetAsync<List<CscView>>($"/admin/nfce/{Cnpj}/csc"));
    }

    [Fact]
    public async Task Revoking_an_unknown_csc_is_not_found()
    {
        using var response = await simulator.Admin.DeleteAsync(NfceAuthorizationTests.CscPath(Cnpj, "9"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("nfce.csc_not_found", await TitleAsync(response));
    }

    [Theory]
    [InlineData("1122233300018", "1", "SEGREDO0123456789ABCDEF", "nfce.invalid_cnpj")]
    [InlineData("11.222.333/0001-81", "1", "SEGREDO0123456789ABCDEF", "nfce.invalid_cnpj")]
    [InlineData("1122233300018A", "1", "SEGREDO0123456789ABCDEF", "nfce.invalid_cnpj")]
    [InlineData(Cnpj, "1234567", "SEGREDO0123456789ABCDEF", "nfce.invalid_csc_id")]
    [InlineData(Cnpj, "A1", "SEGREDO0123456789ABCDEF", "nfce.invalid_csc_id")]
    [InlineData(Cnpj, "1", "CURTO0123456789", "nfce.invalid_csc")]
    [InlineData(Cnpj, "1", "LONGO0123456789012345678901234567890X", "nfce.invalid_csc")]
    [InlineData(Cnpj, "1", "COM-HIFEN-0123456789", "nfce.invalid_csc")]
    [InlineData(Cnpj, "1", null, "nfce.invalid_csc")]
    public async Task Registration_refuses_invalid_input_with_a_stable_code(string cnpj, string idCsc, string? csc, string code)
    {
        var title = await PutAsync(cnpj, idCsc, csc, HttpStatusCode.BadRequest);

        Assert.Equal(code, title);
        Assert.Empty(await simulator.GetAsync<List<CscView>>($"/admin/nfce/{Cnpj}/csc"));
    }

    [Fact]
    public async Task Registration_without_a_body_is_refused_as_an_invalid_csc()
    {
        using var response = await simulator.Admin.PutAsync(NfceAuthorizationTests.CscPath(Cnpj, "1"), null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("nfce.invalid_csc", await TitleAsync(response));
    }

    [Theory]
    [InlineData("123", "1", "nfce.invalid_cnpj")]
    [InlineData(Cnpj, "0000001", "nfce.invalid_csc_id")]
    public async Task Revocation_refuses_invalid_input_with_a_stable_code(string cnpj, string idCsc, string code)
    {
        using var response = await simulator.Admin.DeleteAsync(NfceAuthorizationTests.CscPath(cnpj, idCsc), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, await TitleAsync(response));
    }

    [Fact]
    public async Task Listing_refuses_an_invalid_cnpj()
    {
        using var response = await simulator.Admin.GetAsync(new Uri("/admin/nfce/abc/csc", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("nfce.invalid_cnpj", await TitleAsync(response));
    }

    private async Task<string?> PutAsync(string cnpj, string idCsc, string? csc, HttpStatusCode expected)
    {
        using var response = await simulator.Admin.PutAsJsonAsync(NfceAuthorizationTests.CscPath(Uri.EscapeDataString(cnpj), idCsc),
            new { csc }, TestContext.Current.CancellationToken);
        Assert.Equal(expected, response.StatusCode);
        return expected == HttpStatusCode.NoContent ? null : await TitleAsync(response);
    }

    private static async Task<string?> TitleAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return problem.RootElement.GetProperty("title").GetString();
    }
}
