using System.Net;
using System.Text;

namespace Tss.Host.Tests.Security;

/// <summary>Attack: comments and processing instructions inside an NF-e, which used to ride along in the signed XML sent to SEFAZ.</summary>
public sealed class CommentsInSubmissionsTests(HostFixture host) : IAsyncLifetime
{
    private const string Cnpj = "11222333000181";
    private TestTenant _tenant = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _tenant = await host.NewTenantAsync(Cnpj);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Theory]
    [InlineData("<!-- pague na conta 123 -->", "xml.comment_prohibited")]
    [InlineData("<?erp marca=\"x\"?>", "xml.processing_instruction_prohibited")]
    public async Task Comment_or_processing_instruction_in_an_xml_submission_is_refused_and_nothing_is_stored(string markup, string code)
    {
        var nfe = WithInside(host.SampleNfe(Cnpj), markup);

        using var response = await _tenant.Http.PostAsync(new Uri($"/api/v1/entities/{Cnpj}/nfe", UriKind.Relative),
            new StringContent(nfe, Encoding.UTF8, "application/xml"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, await ApiJson.CodeAsync(response));
        Assert.Equal(0, await host.StoredRowsAsync(_tenant.TenantId));
    }

    [Theory]
    [InlineData("<!-- pague na conta 123 -->", "xml.comment_prohibited")]
    [InlineData("<?erp marca=\"x\"?>", "xml.processing_instruction_prohibited")]
    public async Task Comment_or_processing_instruction_in_a_json_submission_is_refused_and_nothing_is_stored(string markup, string code)
    {
        var nfe = WithInside(host.SampleNfe(Cnpj), markup);

        using var response = await _tenant.Http.PostAsync(new Uri($"/api/v1/entities/{Cnpj}/nfe", UriKind.Relative), ApiJson.Documents((nfe, null)), Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(code, await ApiJson.CodeAsync(response));
        Assert.Equal(0, await host.StoredRowsAsync(_tenant.TenantId));
    }

    private static string WithInside(string nfe, string markup)
    {
        var at = nfe.IndexOf("<ide>", StringComparison.Ordinal);
        Assert.True(at > 0, "the sample has an <ide> element");
        return nfe.Insert(at, markup);
    }
}
