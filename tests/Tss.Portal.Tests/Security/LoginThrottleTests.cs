using System.Net;
using System.Text.RegularExpressions;

namespace Tss.Portal.Tests.Security;

/// <summary>
/// Attacks: five wrong passwords locked any known account for 15 minutes, renewable forever (a lockout anyone could
/// impose on the real user), and the lockout message told which e-mails have an account; login posts were unlimited.
/// </summary>
public sealed partial class LoginThrottleTests(ThrottledPortalHost host) : IClassFixture<ThrottledPortalHost>
{
    private const string Password = "segredo-forte-123";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Failed_logins_throttle_an_email_without_locking_its_owner_out_of_a_known_browser()
    {
        var email = PortalFixture.NewEmail("dono");
        using var owner = host.NewClient();
        await owner.SignUpAsync(email, Password, PortalFixture.NewCnpj());
        using (var first = await owner.LoginAsync(email, Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode); // this browser is now a known device
        }
        using var attacker = host.NewClient();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var wrong = await attacker.LoginAsync(email, "senha-errada-" + i);
            answers.Add(wrong.StatusCode);
        }

        using var ownerAgain = await owner.LoginAsync(email, Password);
        using var attackerWithTheRightPassword = await attacker.LoginAsync(email, Password);
        host.Time.Advance(TimeSpan.FromMinutes(1));
        using var newBrowser = host.NewClient();
        using var afterTheWait = await newBrowser.LoginAsync(email, Password);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(HttpStatusCode.Redirect, ownerAgain.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, attackerWithTheRightPassword.StatusCode);
        Assert.True(attackerWithTheRightPassword.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 }, "Retry-After");
        Assert.Equal(HttpStatusCode.Redirect, afterTheWait.StatusCode); // a wait of at most a minute, never a lockout
    }

    [Fact]
    public async Task Answers_are_identical_for_an_email_with_an_account_and_one_without()
    {
        var existing = PortalFixture.NewEmail("existe");
        using (var signup = host.NewClient())
        {
            await signup.SignUpAsync(existing, Password, PortalFixture.NewCnpj());
        }

        var withAccount = await AnswersAsync(existing);
        var withoutAccount = await AnswersAsync(PortalFixture.NewEmail("ninguem"));

        Assert.Equal(withAccount, withoutAccount);
        Assert.Contains(withAccount, a => a.Status == HttpStatusCode.TooManyRequests && a.Message.Contains("Muitas tentativas", StringComparison.Ordinal));
        Assert.Contains(withAccount, a => a.Status == HttpStatusCode.Unauthorized && a.Message == "E-mail ou senha incorretos.");
    }

    [Fact]
    public async Task Login_posts_from_one_address_are_rate_limited_with_429()
    {
        using var client = host.NewClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < ThrottledPortalHost.PostsPerClient; i++)
        {
            using var response = await client.LoginAsync(PortalFixture.NewEmail("varredura"), Password);
            statuses.Add(response.StatusCode);
        }

        using var limited = await client.LoginAsync(PortalFixture.NewEmail("varredura"), Password);
        var html = await limited.Content.ReadAsStringAsync(Ct);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 }, "Retry-After");
        Assert.Contains("Muitas tentativas a partir deste endereço", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_up_with_an_email_that_has_an_account_does_not_say_so()
    {
        var email = PortalFixture.NewEmail("cadastro");
        using var first = host.NewClient();
        await first.SignUpAsync(email, Password, PortalFixture.NewCnpj());
        using var second = host.NewClient();

        using var response = await second.PostFormAsync("portal/signup",
            [new("companyName", "Outra Ltda"), new("cnpj", PortalFixture.NewCnpj()), new("email", email), new("password", Password), new("confirmPassword", Password)]);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.DoesNotContain("Já existe", html, StringComparison.Ordinal);
        Assert.Contains("Não foi possível criar a conta com este e-mail", html, StringComparison.Ordinal);
    }

    private async Task<List<(HttpStatusCode Status, string Message, TimeSpan? RetryAfter)>> AnswersAsync(string email)
    {
        using var client = host.NewClient();
        var answers = new List<(HttpStatusCode, string, TimeSpan?)>();
        for (var i = 0; i < 7; i++)
        {
            using var response = await client.LoginAsync(email, "senha-errada-" + i);
            var html = await response.Content.ReadAsStringAsync(Ct);
            answers.Add((response.StatusCode, ErrorPattern().Match(html).Groups[1].Value, response.Headers.RetryAfter?.Delta));
        }
        return answers;
    }

    [GeneratedRegex("id=\"login-error\" role=\"alert\">([^<]*)<")]
    private static partial Regex ErrorPattern();
}
