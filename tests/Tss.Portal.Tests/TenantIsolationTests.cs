using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Tss.Tenancy.Credits;

namespace Tss.Portal.Tests;

/// <summary>
/// Two tenants, both with an entity of the same CNPJ and one of them with a second entity and authorized documents:
/// every portal route tried by the other tenant with those ids answers 404 (403 for the operator area) and shows
/// none of the owner's data.
/// </summary>
public sealed partial class TenantIsolationTests(PortalFixture fixture)
{
    private const string Password = "segredo-forte-123";

    [Fact]
    public async Task Every_portal_route_with_another_tenants_ids_answers_404_or_403_and_shows_none_of_its_data()
    {
        var shared = PortalFixture.NewCnpj();
        var ownOnly = PortalFixture.NewCnpj();
        using var owner = fixture.NewSession();
        var ownerTenant = await owner.SignUpAsync(PortalFixture.NewEmail("dono"), Password, ownOnly, "Dono Ltda");
        await PortalJourney.AddEntityAsync(owner, fixture, shared);
        await PortalJourney.AddEntityAsync(owner, fixture, ownOnly);
        var ownerKey = await PortalJourney.CreateApiKeyAsync(owner);
        await fixture.Services.GetRequiredService<ICreditLedger>().TopUpAsync(ownerTenant, 10, "isolation", "test", TestContext.Current.CancellationToken);
        var ownerKeyId = ownerKey.Split('_')[1];
        var docShared = await PortalJourney.SubmitAsync(fixture, ownerKey, shared);
        var docOwn = await PortalJourney.SubmitAsync(fixture, ownerKey, ownOnly);
        await PortalJourney.WaitForStatusAsync(fixture, ownerKey, shared, docShared);
        await PortalJourney.WaitForStatusAsync(fixture, ownerKey, ownOnly, docOwn);
        var lotShared = await LotPathAsync(owner, shared, docShared);
        var lotOwn = await LotPathAsync(owner, ownOnly, docOwn);

        using var other = fixture.NewSession();
        await other.SignUpAsync(PortalFixture.NewEmail("outro"), Password, PortalFixture.NewCnpj(), "Outro Ltda");
        await PortalJourney.AddEntityAsync(other, fixture, shared);

        string[] notFound =
        [
            $"portal/entities/{ownOnly}", $"portal/entities/{ownOnly}/distribution", $"portal/entities/{ownOnly}/documents",
            $"portal/entities/{ownOnly}/lots", $"portal/entities/{ownOnly}/documents/{docOwn}",
            $"portal/entities/{ownOnly}/documents/{docOwn}/xml", $"portal/entities/{ownOnly}/documents/{docOwn}/procnfe",
            $"portal/entities/{shared}/documents/{docShared}", $"portal/entities/{shared}/documents/{docShared}/xml",
            $"portal/entities/{shared}/documents/{docShared}/procnfe", lotOwn, lotShared,
            $"portal/entities/{shared}/lots/{lotOwn.Split('/')[^2]}/{lotOwn.Split('/')[^1]}",
        ];
        var secrets = new[] { ownerTenant, ownOnly, docShared, docOwn, ownerKeyId, lotShared.Split('/')[^1], lotOwn.Split('/')[^1], "Dono Ltda" };
        foreach (var path in notFound)
        {
            var (status, html) = await other.GetHtmlAsync(path);
            Assert.True(status == HttpStatusCode.NotFound, $"GET {path} answered {status}");
            AssertNoneOf(secrets, html, path);
        }
        var (operatorStatus, operatorHtml) = await other.GetHtmlAsync($"portal/operator/tenants/{ownerTenant}");
        Assert.Equal(HttpStatusCode.Forbidden, operatorStatus);
        AssertNoneOf(secrets, operatorHtml, "operator area");

        foreach (var (path, fields) in new (string, KeyValuePair<string, string>[])[]
        {
            ($"portal/entities/{ownOnly}", [new("uf", "RJ"), new("tpAmb", "1")]),
            ($"portal/entities/{ownOnly}/distribution", [new("webhookUrl", "https://attacker.example/x"), new("webhookSecret", "segredo-do-atacante-1")]),
            ("portal/apikeys?handler=Revoke", [new("keyId", ownerKeyId)]),
        })
        {
            using var response = await other.PostFormAsync(path, fields, "portal/apikeys");
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"POST {path} answered {response.StatusCode}");
            AssertNoneOf(secrets, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), path);
        }

        // Its own pages list only its own things.
        foreach (var path in new[] { "portal/home", "portal/entities", "portal/monitor", "portal/apikeys", "portal/credits", "portal/settings", $"portal/entities/{shared}/documents", $"portal/entities/{shared}/lots" })
        {
            var (status, html) = await other.GetHtmlAsync(path);
            Assert.True(status == HttpStatusCode.OK, $"GET {path} answered {status}");
            AssertNoneOf(secrets, html, path);
        }

        // Nothing of the owner changed: its entity, its key and its documents are as they were.
        var (ownStatus, ownHtml) = await owner.GetHtmlAsync($"portal/entities/{ownOnly}");
        Assert.Equal(HttpStatusCode.OK, ownStatus);
        Assert.Contains("<option value=\"SP\" selected=\"selected\">", ownHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("attacker.example", (await owner.GetHtmlAsync($"portal/entities/{ownOnly}/distribution")).Html, StringComparison.Ordinal);
        await PortalJourney.WaitForStatusAsync(fixture, ownerKey, ownOnly, docOwn);
    }

    private static async Task<string> LotPathAsync(PortalSession session, string cnpj, string chNFe)
    {
        var (status, html) = await session.GetHtmlAsync($"portal/entities/{cnpj}/documents/{chNFe}");
        Assert.Equal(HttpStatusCode.OK, status);
        var match = LotLink().Match(html);
        Assert.True(match.Success, "the document page links its lot");
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync(match.Value)).StatusCode);
        return match.Value.TrimStart('/');
    }

    private static void AssertNoneOf(string[] secrets, string html, string where)
    {
        foreach (var secret in secrets)
        {
            Assert.False(html.Contains(secret, StringComparison.Ordinal), $"{where} shows '{secret}' of the other tenant");
        }
    }

    [GeneratedRegex(@"/portal/entities/\d{14}/lots/\d{4}/\d+")]
    private static partial Regex LotLink();
}
