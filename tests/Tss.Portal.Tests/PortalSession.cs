using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Tss.Portal.Tests;

/// <summary>
/// The portal over HTTPS as a plain HTTP client: cookies kept, redirects not followed, forms posted with the
/// antiforgery token read from the page (as a browser would).
/// </summary>
public sealed partial class PortalSession : IDisposable
{
    private readonly SocketsHttpHandler _handler;

    /// <param name="baseAddress">The portal host.</param>
    /// <param name="source">A loopback address to connect from (a client of its own for per-address throttles).</param>
    public PortalSession(Uri baseAddress, IPAddress? source = null)
    {
        _handler = new SocketsHttpHandler
        {
            CookieContainer = new CookieContainer(),
            AllowAutoRedirect = false,
            // The host's certificate comes from the test CA.
            SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
        };
        if (source is not null)
        {
            _handler.ConnectCallback = async (context, ct) =>
            {
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }
        Http = new HttpClient(_handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public HttpClient Http { get; }
    public CookieContainer Cookies => _handler.CookieContainer;

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(new Uri(path.TrimStart('/'), UriKind.Relative));

    public async Task<(HttpStatusCode Status, string Html)> GetHtmlAsync(string path)
    {
        using var response = await GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The antiforgery token of the (first) form on <paramref name="page"/>.</summary>
    public async Task<string> TokenAsync(string page)
    {
        var (status, html) = await GetHtmlAsync(page);
        Assert.True(status == HttpStatusCode.OK, $"GET {page} answered {status}");
        return TokenIn(html);
    }

    public static string TokenIn(string html)
    {
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, "the page has no antiforgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Posts a form to <paramref name="path"/> with the token of <paramref name="tokenPage"/> (default: the same path).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, string? tokenPage = null, bool withToken = true)
    {
        var all = fields.ToList();
        if (withToken)
        {
            all.Add(new("__tss_af", await TokenAsync(tokenPage ?? path)));
        }
        using var content = new FormUrlEncodedContent(all);
        return await Http.PostAsync(new Uri(path.TrimStart('/'), UriKind.Relative), content);
    }

    /// <summary>Posts a multipart form (a file field named <paramref name="fileField"/>) with the token of <paramref name="tokenPage"/>.</summary>
    public async Task<HttpResponseMessage> PostMultipartAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, string fileField, byte[]? file, string tokenPage)
    {
        using var content = new MultipartFormDataContent();
        foreach (var (k, v) in fields)
        {
            content.Add(new StringContent(v), k);
        }
        content.Add(new StringContent(await TokenAsync(tokenPage)), "__tss_af");
        if (file is not null)
        {
            var part = new ByteArrayContent(file);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/x-pkcs12");
            content.Add(part, fileField, "certificado.pfx");
        }
        return await Http.PostAsync(new Uri(path.TrimStart('/'), UriKind.Relative), content);
    }

    /// <summary>Signs up a new tenant (and stays signed in); returns its tenant id.</summary>
    public async Task<string> SignUpAsync(string email, string password, string cnpj, string company = "Cliente de Teste Ltda")
    {
        using var response = await PostFormAsync("portal/signup", [new("companyName", company), new("cnpj", cnpj), new("email", email), new("password", password), new("confirmPassword", password)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, html) = await GetHtmlAsync("portal/settings");
        var id = TenantIdPattern().Match(html);
        Assert.True(id.Success, "the settings page shows the tenant id");
        return id.Groups[1].Value;
    }

    public async Task<HttpResponseMessage> LoginAsync(string email, string password) =>
        await PostFormAsync("portal/login", [new("email", email), new("password", password)]);

    public void Dispose()
    {
        Http.Dispose();
        _handler.Dispose();
    }

    [GeneratedRegex("name=\"__tss_af\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("id=\"tenant-id\">([a-z0-9-]+)<")]
    private static partial Regex TenantIdPattern();
}
