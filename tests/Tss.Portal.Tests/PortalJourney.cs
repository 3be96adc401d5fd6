using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Tss.Portal.Tests;

/// <summary>Steps several tests share: an entity with its certificate, an API key, a document through the REST API.</summary>
public static partial class PortalJourney
{
    public const string PfxPassword = "senha-do-pfx";

    /// <summary>The key shown once on the API-keys page after creating one.</summary>
    public static string ReadApiKey(string html)
    {
        var match = ApiKeyPattern().Match(html);
        Assert.True(match.Success, "the page shows the new API key");
        return match.Groups[1].Value;
    }

    /// <summary>Adds an entity (SP, homologação) with a good certificate through the portal.</summary>
    public static async Task AddEntityAsync(PortalSession session, PortalFixture fixture, string cnpj)
    {
        using var response = await session.PostMultipartAsync("portal/entities/new",
            [new("cnpj", cnpj), new("uf", "SP"), new("tpAmb", "2"), new("ie", ""), new("pfxPassword", PfxPassword)],
            "pfx", fixture.Pfx(cnpj, PfxPassword), "portal/entities/new");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"entity {cnpj} not saved: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public static async Task<string> CreateApiKeyAsync(PortalSession session)
    {
        using var response = await session.PostFormAsync("portal/apikeys?handler=Create", [new("name", "erp")], "portal/apikeys");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ReadApiKey(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Submits one NF-e through the REST API with <paramref name="apiKey"/>; returns its chNFe.</summary>
    public static async Task<string> SubmitAsync(PortalFixture fixture, string apiKey, string cnpj)
    {
        using var api = Api(fixture, apiKey);
        using var body = new StringContent(fixture.SampleNfe(cnpj), Encoding.UTF8, "application/xml");
        using var response = await api.PostAsync(new Uri($"api/v1/entities/{cnpj}/nfe", UriKind.Relative), body);
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"submit answered {response.StatusCode}: {json}");
        var key = ChNFePattern().Match(json);
        Assert.True(key.Success, json);
        return key.Groups[1].Value;
    }

    /// <summary>Waits until the API reports <paramref name="status"/> for the document (60 s at most).</summary>
    public static async Task WaitForStatusAsync(PortalFixture fixture, string apiKey, string cnpj, string chNFe, string status = "Authorized")
    {
        using var api = Api(fixture, apiKey);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        string last = "";
        while (DateTime.UtcNow < deadline)
        {
            last = await api.GetStringAsync(new Uri($"api/v1/entities/{cnpj}/nfe/{chNFe}", UriKind.Relative));
            if (JsonDocument.Parse(last).RootElement.GetProperty("status").GetString() == status)
            {
                return;
            }
            await Task.Delay(250);
        }
        Assert.Fail($"document {chNFe} did not reach {status}: {last}");
    }

    public static HttpClient Api(PortalFixture fixture, string apiKey)
    {
        var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator };
        var client = new HttpClient(handler, disposeHandler: true) { BaseAddress = fixture.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    [GeneratedRegex("id=\"new-api-key\">(tss_[^<\\s]+)<")]
    private static partial Regex ApiKeyPattern();

    [GeneratedRegex("\"chNFe\"\\s*:\\s*\"(\\d{44})\"")]
    private static partial Regex ChNFePattern();
}
