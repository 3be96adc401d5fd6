using System.Net;
using System.Net.Http.Headers;

namespace Tss.Portal.Tests;

/// <summary>Sign-up, login, session cookie and antiforgery over real HTTPS (throttling: Security/LoginThrottleTests).</summary>
public sealed class AccountTests(PortalFixture fixture)
{
    private const string Password = "segredo-forte-123";

    [Fact]
    public async Task Sign_up_with_a_bad_cnpj_and_a_weak_password_shows_both_errors_and_creates_nothing()
    {
        using var session = fixture.NewSession();
        var email = PortalFixture.NewEmail();
        using var response = await session.PostFormAsync("portal/signup",
            [new("companyName", "Empresa Teste"), new("cnpj", "11.222.333/0001-82"), new("email", email), new("password", "curta1"), new("confirmPassword", "curta1")]);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("CNPJ inválido", html, StringComparison.Ordinal);
        Assert.Contains("A senha deve ter pelo menos 10 caracteres", html, StringComparison.Ordinal);
        using var login = await fixture.NewSession().LoginAsync(email, "curta1");
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }

    [Theory]
    [InlineData("somenteletrasaqui", "letras e números")]
    [InlineData("1234567890123", "letras e números")]
    public async Task Sign_up_refuses_passwords_without_letters_and_digits(string password, string expected)
    {
        using var session = fixture.NewSession();
        using var response = await session.PostFormAsync("portal/signup",
            [new("companyName", "Empresa Teste"), new("cnpj", PortalFixture.NewCnpj()), new("email", PortalFixture.NewEmail()), new("password", password), new("confirmPassword", password)]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_up_creates_the_tenant_and_signs_in_with_a_strict_secure_http_only_cookie()
    {
        using var session = fixture.NewSession();
        using var response = await session.PostFormAsync("portal/signup",
            [new("companyName", "Cookie Ltda"), new("cnpj", PortalFixture.NewCnpj()), new("email", PortalFixture.NewEmail()), new("password", Password), new("confirmPassword", Password)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/portal/entities/new", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("tss.portal=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/portal", cookie, StringComparison.OrdinalIgnoreCase);
        var (status, html) = await session.GetHtmlAsync("portal/settings");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Cookie Ltda", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_email_gets_the_same_answer_as_a_wrong_password()
    {
        using var session = fixture.NewSession();
        using var response = await session.LoginAsync(PortalFixture.NewEmail("ninguem"), Password);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("E-mail ou senha incorretos", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        using var session = fixture.NewSession();
        await session.SignUpAsync(PortalFixture.NewEmail(), Password, PortalFixture.NewCnpj());

        using var response = await session.PostFormAsync("portal/apikeys?handler=Create", [new("name", "sem token")], withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("formulário expirou", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var (_, html) = await session.GetHtmlAsync("portal/apikeys");
        Assert.DoesNotContain("sem token", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_from_another_session_is_refused()
    {
        using var victim = fixture.NewSession();
        await victim.SignUpAsync(PortalFixture.NewEmail(), Password, PortalFixture.NewCnpj());
        using var attacker = fixture.NewSession();
        await attacker.SignUpAsync(PortalFixture.NewEmail(), Password, PortalFixture.NewCnpj());
        var attackerToken = PortalSession.TokenIn((await attacker.GetHtmlAsync("portal/apikeys")).Html);

        using var content = new FormUrlEncodedContent([new("name", "forjada"), new("__tss_af", attackerToken)]);
        using var response = await victim.Http.PostAsync(new Uri("portal/apikeys?handler=Create", UriKind.Relative), content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("forjada", (await victim.GetHtmlAsync("portal/apikeys")).Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("portal/home")]
    [InlineData("portal/entities")]
    [InlineData("portal/apikeys")]
    [InlineData("portal/operator")]
    public async Task Pages_without_a_session_redirect_to_the_login(string path)
    {
        using var session = fixture.NewSession();
        using var response = await session.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/portal/login?returnUrl=", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_api_key_does_not_open_the_portal()
    {
        using var owner = fixture.NewSession();
        await owner.SignUpAsync(PortalFixture.NewEmail(), Password, PortalFixture.NewCnpj());
        var key = PortalJourney.ReadApiKey(await (await owner.PostFormAsync("portal/apikeys?handler=Create", [new("name", "erp")], "portal/apikeys")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        using var session = fixture.NewSession();
        session.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        using var response = await session.GetAsync("portal/home");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/portal/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_configured_operator_signs_in_to_the_operator_area_and_a_tenant_user_gets_403_there()
    {
        using var op = fixture.NewSession();
        using var login = await op.LoginAsync(PortalFixture.OperatorEmail, PortalFixture.OperatorPassword);
        Assert.Equal("/portal/operator", login.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await op.GetAsync("portal/operator")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.GetAsync("portal/home")).StatusCode);

        using var tenant = fixture.NewSession();
        await tenant.SignUpAsync(PortalFixture.NewEmail(), Password, PortalFixture.NewCnpj());
        var (status, html) = await tenant.GetHtmlAsync("portal/operator");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("Acesso negado", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Portal_pages_carry_a_strict_content_security_policy_and_no_caching()
    {
        using var session = fixture.NewSession();
        using var response = await session.GetAsync("portal/login");

        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.True(response.Headers.CacheControl?.NoStore);
    }
}
