using System.Net;
using System.Net.Http.Json;
using System.Xml;
using Tss.DevTools.Samples;
using Tss.Protocol.Messages;
using Tss.Protocol.Xml;

namespace Tss.Host.Tests.Contingency;

/// <summary>
/// After contingency, an ERP that resubmits the tpEmis 1 original of a document ingest re-keyed to tpEmis 6 gets the
/// stored document back (same key, same status, found by its number), and one with the same number but other content
/// gets a 409; neither is stored nor sent (the simulator holds one authorization for the number).
/// </summary>
public sealed class ContingencyResubmissionTests(HostFixture host)
{
    private const string Cnpj = "11222333000181";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Uri Url(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task The_tpemis_1_original_of_a_rekeyed_nfe_answers_the_stored_key_and_other_content_with_its_number_is_a_409()
    {
        var tenant = await host.NewTenantAsync(Cnpj);
        using var admin = new HttpClient { BaseAddress = host.Simulator.AdminUri };
        var nNF = HostFixture.NextNumber();
        var original = Sample(nNF, items: 2);
        string rekeyed;
        (await admin.PutAsync(Url("/admin/svc/SVC-AN/SP"), null, Ct)).EnsureSuccessStatusCode();
        try
        {
            (await tenant.Http.PutAsJsonAsync(Url($"/api/v1/entities/{Cnpj}/contingency"), new { @override = "Force" }, Ct)).EnsureSuccessStatusCode();
            using var first = await tenant.Http.PostAsync(Url($"/api/v1/entities/{Cnpj}/nfe"), ApiJson.Documents((original, "resub-" + nNF)), Ct);
            var answer = await ApiJson.ReadAsync(first);
            Assert.True(first.IsSuccessStatusCode, answer.ToJsonString());
            rekeyed = answer["documents"]![0]!["chNFe"]!.GetValue<string>();
            Assert.Equal('6', rekeyed[34]);
            Assert.Equal(100, (await ApiJson.WaitForFinalAsync(tenant.Http, Cnpj, rekeyed, TimeSpan.FromSeconds(60)))["cStat"]!.GetValue<int>());
            (await tenant.Http.PutAsJsonAsync(Url($"/api/v1/entities/{Cnpj}/contingency"), new { @override = "None" }, Ct)).EnsureSuccessStatusCode();
        }
        finally
        {
            await admin.DeleteAsync(Url("/admin/svc/SVC-AN/SP"), Ct);
        }
        await Task.Delay(TimeSpan.FromSeconds(2.5), Ct); // ingest's cached read of the entity's override (2 s) expires
        var rows = await host.StoredRowsAsync(tenant.TenantId);

        using var again = await tenant.Http.PostAsync(Url($"/api/v1/entities/{Cnpj}/nfe"), ApiJson.Documents((original, "resub-" + nNF)), Ct);
        var same = await ApiJson.ReadAsync(again);
        Assert.True(again.IsSuccessStatusCode, same.ToJsonString());
        Assert.Equal(rekeyed, same["documents"]![0]!["chNFe"]!.GetValue<string>());
        Assert.Equal("Authorized", same["documents"]![0]!["status"]!.GetValue<string>());

        using var other = await tenant.Http.PostAsync(Url($"/api/v1/entities/{Cnpj}/nfe"), ApiJson.Documents((Sample(nNF, items: 3), null)), Ct);
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal("nfe.number_taken", await ApiJson.CodeAsync(other));

        Assert.Equal(rows, await host.StoredRowsAsync(tenant.TenantId));
        using var originalKey = await tenant.Http.GetAsync(Url($"/api/v1/entities/{Cnpj}/nfe/{ContingencyXml.KeyOf(original)}"), Ct);
        Assert.Equal(HttpStatusCode.NotFound, originalKey.StatusCode);
        var authorizations = await admin.GetFromJsonAsync<List<Authorization>>(Url("/admin/authorizations"), Ct);
        Assert.Equal([rekeyed], authorizations!.Select(a => a.chNFe).Where(k => k[..34] == rekeyed[..34]));
    }

    private string Sample(int nNF, int items) =>
        SampleNfe.Create(new SampleNfeOptions { EmitCnpj = Cnpj, tpEmis = 1, nNF = nNF, Items = items }, host.Time);

    private sealed record Authorization(string chNFe);
}
