using System.Net;

namespace Tss.Host.Tests;

/// <summary>POST …/nfe/{chNFe}/lot/retry: the operator's retry of a stuck lot, refused with a code when there is nothing to retry.</summary>
public sealed class LotRetryApiTests(HostFixture host)
{
    private const string Cnpj = "11222333000181";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Uri Url(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task Retry_of_a_lot_that_is_not_stuck_is_refused_with_409_and_changes_nothing()
    {
        var tenant = await host.NewTenantAsync(Cnpj);
        using var submit = await tenant.Http.PostAsync(Url($"/api/v1/entities/{Cnpj}/nfe"), ApiJson.Documents((host.SampleNfe(Cnpj), null)), Ct);
        Assert.Equal(HttpStatusCode.Accepted, submit.StatusCode);
        var chNFe = (await ApiJson.ReadAsync(submit))["documents"]![0]!["chNFe"]!.GetValue<string>();
        var final = await ApiJson.WaitForFinalAsync(tenant.Http, Cnpj, chNFe, TimeSpan.FromSeconds(60));
        Assert.Equal("Authorized", final["status"]!.GetValue<string>());
        Assert.Null(final["attention"]);

        using var response = await tenant.Http.PostAsync(Url($"/api/v1/entities/{Cnpj}/nfe/{chNFe}/lot/retry"), null, Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("nfe.lot_not_stuck", await ApiJson.CodeAsync(response));
    }

    [Fact]
    public async Task Retry_for_an_unknown_document_is_not_found()
    {
        var tenant = await host.NewTenantAsync(Cnpj);

        using var response = await tenant.Http.PostAsync(Url($"/api/v1/entities/{Cnpj}/nfe/35261111222333000181550010000099991000099990/lot/retry"), null, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("nfe.not_found", await ApiJson.CodeAsync(response));
    }
}
