using System.Diagnostics;
using System.Net;
using System.Text;

namespace Tss.Host.Tests.Security;

/// <summary>
/// Attack: XML that is nothing but nesting. It used to cost CPU with the square of its depth — 100,000 levels (700 KB)
/// took 20 s anonymously over SOAP and 64 s with a key over REST (parsed twice). Now it is refused while reading.
/// </summary>
public sealed class DeepXmlAttackTests(HostFixture host) : IAsyncLifetime
{
    private const string Cnpj = "11222333000181";
    private TestTenant _tenant = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _tenant = await host.NewTenantAsync(Cnpj);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Rest_submission_nested_100000_levels_deep_is_refused_as_too_deep_in_well_under_100_ms()
    {
        var body = Encoding.UTF8.GetBytes(SecurityClients.Nested(100_000));
        await WarmUpAsync();

        var watch = Stopwatch.StartNew();
        using var response = await _tenant.Http.PostAsync(new Uri($"/api/v1/entities/{Cnpj}/nfe", UriKind.Relative), Xml(body), Ct);
        watch.Stop();

        TestContext.Current.TestOutputHelper?.WriteLine($"REST, {body.Length:N0} bytes, 100,000 levels: {(int)response.StatusCode} in {watch.Elapsed.TotalMilliseconds:F1} ms (HTTP round trip)");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("xml.too_deep", await ApiJson.CodeAsync(response));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
        Assert.Equal(0, await host.StoredRowsAsync(_tenant.TenantId));
    }

    [Fact]
    public async Task Rest_submission_nested_deep_inside_a_json_document_is_refused_as_too_deep()
    {
        using var response = await _tenant.Http.PostAsync(new Uri($"/api/v1/entities/{Cnpj}/nfe", UriKind.Relative),
            ApiJson.Documents((SecurityClients.Nested(20_000, "NFe"), null)), Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("xml.too_deep", await ApiJson.CodeAsync(response));
    }

    [Fact]
    public async Task Soap_call_nested_100000_levels_deep_without_a_key_is_refused_before_its_body_is_read()
    {
        var envelope = SecurityClients.Envelope("GetStatus", SecurityClients.Nested(100_000));
        using var anonymous = host.Client(null);
        await WarmUpAsync();

        var watch = Stopwatch.StartNew();
        using var response = await anonymous.PostAsync(new Uri("/soap/nfe", UriKind.Relative), SecurityClients.Soap("GetStatus", envelope), Ct);
        watch.Stop();

        TestContext.Current.TestOutputHelper?.WriteLine($"SOAP without key, {envelope.Length:N0} bytes: {(int)response.StatusCode} in {watch.Elapsed.TotalMilliseconds:F1} ms");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("auth.missing_key", await SecurityClients.FaultCodeAsync(response));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Soap_call_nested_100000_levels_deep_with_a_key_is_refused_as_too_deep()
    {
        var envelope = SecurityClients.Envelope("GetStatus", SecurityClients.Nested(100_000));
        await WarmUpAsync();

        var watch = Stopwatch.StartNew();
        using var response = await _tenant.Http.PostAsync(new Uri("/soap/nfe", UriKind.Relative), SecurityClients.Soap("GetStatus", envelope), Ct);
        watch.Stop();

        TestContext.Current.TestOutputHelper?.WriteLine($"SOAP with key, {envelope.Length:N0} bytes: {(int)response.StatusCode} in {watch.Elapsed.TotalMilliseconds:F1} ms");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("xml.too_deep", await SecurityClients.FaultCodeAsync(response));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Oversized_anonymous_soap_body_is_refused_without_being_read()
    {
        // 8 MB of garbage, under the old 16 MB cap: the old guard read and parsed it before looking at the key.
        using var anonymous = host.Client(null);
        using var content = SecurityClients.Soap("Submit", new string('<', 8 * 1024 * 1024));

        using var response = await anonymous.PostAsync(new Uri("/soap/nfe", UriKind.Relative), content, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("auth.missing_key", await SecurityClients.FaultCodeAsync(response));
    }

    [Fact]
    public async Task Oversized_soap_body_with_a_key_is_refused_by_size_before_it_is_parsed()
    {
        // Garbage that a parser would call malformed: the size answer proves nothing was parsed.
        using var content = SecurityClients.Soap("Submit", new string('<', 2 * 1024 * 1024));

        using var response = await _tenant.Http.PostAsync(new Uri("/soap/nfe", UriKind.Relative), content, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("request.too_large", await SecurityClients.FaultCodeAsync(response));
    }

    [Fact]
    public void Soap_cap_by_default_is_one_full_sefaz_lot_escaped_plus_envelope()
    {
        Assert.Equal((1024 + 64) * 1024, new Tss.Host.Soap.SoapOptions().MaxRequestBytes);
    }

    /// <summary>One small refused call on each path first, so the figure is the refusal and not the first call's JIT.</summary>
    private async Task WarmUpAsync()
    {
        using var rest = await _tenant.Http.PostAsync(new Uri($"/api/v1/entities/{Cnpj}/nfe", UriKind.Relative), Xml("<a/>"u8.ToArray()), Ct);
        using var soap = await _tenant.Http.PostAsync(new Uri("/soap/nfe", UriKind.Relative),
            SecurityClients.Soap("GetStatus", SecurityClients.Envelope("GetStatus", SecurityClients.Nested(SafeXmlDepth + 1))), Ct);
    }

    private const int SafeXmlDepth = Tss.Protocol.Xml.SafeXml.MaxDepth;

    private static ByteArrayContent Xml(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/xml");
        return content;
    }
}
