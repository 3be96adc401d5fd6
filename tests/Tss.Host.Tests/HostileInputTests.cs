using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Tss.Host.Tests;

/// <summary>Every hostile or malformed submission gets a 4xx with a stable code, and nothing is stored for the tenant.</summary>
public sealed class HostileInputTests(HostFixture host) : IAsyncLifetime
{
    private const string Cnpj = "11222333000181";
    private const string Ns = "http://www.portalfiscal.inf.br/nfe";
    private TestTenant _tenant = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _tenant = await host.NewTenantAsync(Cnpj);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public static TheoryData<string> Cases() =>
    [
        "malformed-xml", "dtd-xxe", "billion-laughs", "xxe-inside-json", "latin1-declaration", "unexpected-root", "oversized-body",
        "oversized-chunked-body", "wrong-content-type", "no-content-type", "too-many-documents", "no-documents", "malformed-json",
        "json-array", "unknown-entity", "bad-cnpj", "emitter-mismatch", "empty-xml-in-json", "long-erp-id", "bad-idempotency-key",
        "no-api-key", "wrong-api-key", "signature-only-xml",
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Hostile_input_is_refused_with_a_code_and_nothing_is_stored(string name)
    {
        var (status, code, request) = Build(name);

        using var response = await host.Client(name == "no-api-key" ? null : name == "wrong-api-key" ? WrongKey() : _tenant.ApiKey).SendAsync(request, Ct);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, await ApiJson.CodeAsync(response));
        Assert.Equal(0, await host.StoredRowsAsync(_tenant.TenantId));
    }

    private (HttpStatusCode, string, HttpRequestMessage) Build(string name)
    {
        var sample = host.SampleNfe(Cnpj);
        return name switch
        {
            "malformed-xml" => (HttpStatusCode.BadRequest, "xml.malformed", Xml("<NFe xmlns=\"" + Ns + "\"><infNFe>")),
            "dtd-xxe" => (HttpStatusCode.BadRequest, "xml.dtd_prohibited",
                Xml($"<?xml version=\"1.0\"?><!DOCTYPE NFe [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><NFe xmlns=\"{Ns}\">&xxe;</NFe>")),
            "billion-laughs" => (HttpStatusCode.BadRequest, "xml.dtd_prohibited",
                Xml("<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><l>&c;</l>")),
            "xxe-inside-json" => (HttpStatusCode.UnprocessableEntity, "xml.dtd_prohibited",
                Post(ApiJson.Documents(($"<!DOCTYPE NFe [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><NFe xmlns=\"{Ns}\">&x;</NFe>", null)))),
            "latin1-declaration" => (HttpStatusCode.BadRequest, "xml.encoding", Xml("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + StripDeclaration(sample))),
            "unexpected-root" => (HttpStatusCode.BadRequest, "xml.unexpected_root", Xml("<nfeProc xmlns=\"" + Ns + "\"/>")),
            "oversized-body" => (HttpStatusCode.RequestEntityTooLarge, "request.too_large", Xml("<NFe>" + new string('x', 1_100_000) + "</NFe>")),
            "oversized-chunked-body" => (HttpStatusCode.RequestEntityTooLarge, "request.too_large", Chunked(1_100_000)),
            "wrong-content-type" => (HttpStatusCode.UnsupportedMediaType, "request.unsupported_media_type", Post(new StringContent(sample, Encoding.UTF8, "text/plain"))),
            "no-content-type" => (HttpStatusCode.UnsupportedMediaType, "request.unsupported_media_type", Post(new ByteArrayContent(Encoding.UTF8.GetBytes(sample)))),
            "too-many-documents" => (HttpStatusCode.RequestEntityTooLarge, "nfe.too_many_documents",
                Post(ApiJson.Documents([.. Enumerable.Range(0, 21).Select(_ => ("<NFe/>", (string?)null))]))),
            "no-documents" => (HttpStatusCode.BadRequest, "nfe.no_documents", Post(Json("{\"documents\":[]}"))),
            "malformed-json" => (HttpStatusCode.BadRequest, "request.malformed_json", Post(Json("{\"documents\":[{\"xml\":"))),
            "json-array" => (HttpStatusCode.BadRequest, "request.malformed_json", Post(Json("[1,2,3]"))),
            "unknown-entity" => (HttpStatusCode.NotFound, "entity.not_found", Post(ApiJson.Documents((sample, null)), Tss.Protocol.Parties.Cnpj.WithCheckDigits("998887770001"))),
            "bad-cnpj" => (HttpStatusCode.BadRequest, "entity.invalid_cnpj", Post(ApiJson.Documents((sample, null)), "11222333000182")),
            "emitter-mismatch" => (HttpStatusCode.UnprocessableEntity, "nfe.emitter_mismatch",
                Post(ApiJson.Documents((host.SampleNfe("99888777000106"), null)))),
            "empty-xml-in-json" => (HttpStatusCode.UnprocessableEntity, "xml.empty", Post(Json("{\"documents\":[{\"xml\":null}]}"))),
            "long-erp-id" => (HttpStatusCode.BadRequest, "request.invalid_erp_id", Post(ApiJson.Documents((sample, new string('9', 101))))),
            "bad-idempotency-key" => (HttpStatusCode.BadRequest, "idempotency.invalid_key", WithIdempotencyKey(Post(ApiJson.Documents((sample, null))), new string('k', 201))),
            "no-api-key" => (HttpStatusCode.Unauthorized, "auth.missing_key", Post(ApiJson.Documents((sample, null)))),
            "wrong-api-key" => (HttpStatusCode.Unauthorized, "auth.invalid_key", Post(ApiJson.Documents((sample, null)))),
            "signature-only-xml" => (HttpStatusCode.UnprocessableEntity, "nfe.not_an_nfe",
                Post(ApiJson.Documents(("<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\"/>", null)))),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
    }

    private static string WrongKey() => "tss_0123456789abcdef_" + new string('A', 43);

    private static HttpRequestMessage Post(HttpContent content, string cnpj = Cnpj) =>
        new(HttpMethod.Post, new Uri($"/api/v1/entities/{cnpj}/nfe", UriKind.Relative)) { Content = content };

    private static HttpRequestMessage Xml(string xml) => Post(new StringContent(xml, Encoding.UTF8, "application/xml"));

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static HttpRequestMessage WithIdempotencyKey(HttpRequestMessage request, string key)
    {
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private static HttpRequestMessage Chunked(int size)
    {
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("<NFe>" + new string('x', size) + "</NFe>")));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        var request = Post(content);
        request.Headers.TransferEncodingChunked = true;
        return request;
    }

    private static string StripDeclaration(string xml) => xml.StartsWith("<?xml", StringComparison.Ordinal) ? xml[(xml.IndexOf("?>", StringComparison.Ordinal) + 2)..] : xml;
}
