using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Core;

namespace Tss.Tenancy.Tests.KeyVault;

/// <summary>
/// A Key Vault on the other side of the SDK's HTTP pipeline: answers the bearer challenge, then what the test
/// scripted, with canned Key Vault JSON. Records every authenticated request (method, path, body).
/// </summary>
internal sealed class FakeKeyVault : HttpMessageHandler
{
    public static readonly Uri VaultUri = new("https://tss-test.vault.azure.net/");

    private readonly ConcurrentQueue<Func<HttpRequestMessage, string, HttpResponseMessage>> _script = new();

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>The next authenticated request gets this answer (in order).</summary>
    public void Then(Func<HttpRequestMessage, string, HttpResponseMessage> answer) => _script.Enqueue(answer);

    public void ThenJson(HttpStatusCode status, JsonObject body, params (string Name, string Value)[] headers) =>
        Then((_, _) => Json(status, body, headers));

    public static HttpResponseMessage Json(HttpStatusCode status, JsonNode body, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }
        return response;
    }

    /// <summary>Key Vault's certificate bundle as the import answers it.</summary>
    public static JsonObject CertificateBundle(string name, string version, byte[] der) => new()
    {
        ["id"] = $"{VaultUri}certificates/{name}/{version}",
        ["kid"] = $"{VaultUri}keys/{name}/{version}",
        ["sid"] = $"{VaultUri}secrets/{name}/{version}",
        ["x5t"] = Convert.ToBase64String(System.Security.Cryptography.SHA1.HashData(der)).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
        ["cer"] = Convert.ToBase64String(der),
        ["attributes"] = new JsonObject { ["enabled"] = true, ["created"] = 1_700_000_000, ["updated"] = 1_700_000_000, ["recoveryLevel"] = "Recoverable" },
        ["policy"] = new JsonObject
        {
            ["id"] = $"{VaultUri}certificates/{name}/policy",
            ["key_props"] = new JsonObject { ["exportable"] = true, ["kty"] = "RSA", ["key_size"] = 2048, ["reuse_key"] = false },
            ["secret_props"] = new JsonObject { ["contentType"] = "application/x-pkcs12" },
            ["issuer"] = new JsonObject { ["name"] = "Unknown" },
        },
    };

    /// <summary>Key Vault's secret bundle of a certificate: the PFX with its key, base64.</summary>
    public static JsonObject SecretBundle(string name, string version, byte[] pfx, string contentType = "application/x-pkcs12") => new()
    {
        ["value"] = Convert.ToBase64String(pfx),
        ["contentType"] = contentType,
        ["id"] = $"{VaultUri}secrets/{name}/{version}",
        ["kid"] = $"{VaultUri}keys/{name}/{version}",
        ["managed"] = true,
        ["attributes"] = new JsonObject { ["enabled"] = true, ["created"] = 1_700_000_000, ["updated"] = 1_700_000_000 },
    };

    public static JsonObject Error(string code, string message) => new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.Authorization is null)
        {
            // Key Vault's first answer to a client: where to get a token for it.
            var challenge = new HttpResponseMessage(HttpStatusCode.Unauthorized) { Content = new StringContent("") };
            challenge.Headers.TryAddWithoutValidation("WWW-Authenticate",
                "Bearer authorization=\"https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001\", resource=\"https://vault.azure.net\"");
            return challenge;
        }
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Enqueue(new RecordedRequest(request.Method.Method, request.RequestUri!.AbsolutePath, body));
        return _script.TryDequeue(out var answer)
            ? answer(request, body)
            : Json(HttpStatusCode.InternalServerError, Error("Unscripted", $"no answer scripted for {request.Method} {request.RequestUri!.AbsolutePath}"));
    }

    internal sealed record RecordedRequest(string Method, string Path, string Body);
}

/// <summary>A credential that hands out a fixed token (the fake vault only checks that one is sent).</summary>
internal sealed class StaticTokenCredential : TokenCredential
{
    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new("test-token", DateTimeOffset.UtcNow.AddHours(1));

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
