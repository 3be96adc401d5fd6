using System.Net;
using System.Net.Http.Json;
using System.Xml;
using Tss.DevTools.Samples;
using Tss.Protocol.Messages;
using Tss.Protocol.Xml;

namespace Tss.Host.Tests.Contingency;

/// <summary>
/// Ingest asks the contingency policy: a new NF-e of an entity in contingency is re-keyed to its UF's SVC (SP: SVC-AN,
/// tpEmis 6) and authorized there; a document the ERP built for an SVC is checked; a key already stored keeps its key.
/// </summary>
public sealed class ContingencyIngestTests(HostFixture host)
{
    private const string Cnpj = "11222333000181";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Uri Url(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task An_svc_nfe_without_xjust_is_refused_with_a_code_and_nothing_is_stored()
    {
        var tenant = await host.NewTenantAsync(Cnpj);
        var xml = ContingencyXml.Without(Sample(tpEmis: 6), "xJust");

        using var submit = await tenant.Http.PostAsync(Url($"/api/v1/entities/{Cnpj}/nfe"), ApiJson.Documents((xml, null)), Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, submit.StatusCode);
        Assert.Equal("contingency.xjust_missing", await ApiJson.CodeAsync(submit));
        Assert.Equal(0, await host.StoredRowsAsync(tenant.TenantId));
    }

    [Fact]
    public async Task An_nfe_for_the_svc_its_uf_does_not_use_is_refused_with_a_code()
    {
        var tenant = await host.NewTenantAsync(Cnpj);

        using var submit = await tenant.Http.PostAsync(Url($"/api/v1/entities/{Cnpj}/nfe"), ApiJson.Documents((Sample(tpEmis: 7), null)), Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, submit.StatusCode);
        Assert.Equal("contingency.wrong_svc", await ApiJson.CodeAsync(submit));
        Assert.Equal(0, await host.StoredRowsAsync(tenant.TenantId));
    }

    [Fact]
    public async Task A_new_nfe_of_an_entity_in_contingency_is_rekeyed_to_svc_an_authorized_there_and_found_by_its_erp_id()
    {
        var tenant = await host.NewTenantAsync(Cnpj);
        using var admin = new HttpClient { BaseAddress = host.Simulator.AdminUri };
        (await admin.PutAsync(Url("/admin/svc/SVC-AN/SP"), null, Ct)).EnsureSuccessStatusCode();
        try
        {
            (await tenant.Http.PutAsJsonAsync(Url($"/api/v1/entities/{Cnpj}/contingency"), new { @override = "Force" }, Ct)).EnsureSuccessStatusCode();
            var xml = Sample(tpEmis: 1);
            var original = ContingencyXml.KeyOf(xml);
            var erpId = "svc-" + original[25..34];

            using var submit = await tenant.Http.PostAsync(Url($"/api/v1/entities/{Cnpj}/nfe"), ApiJson.Documents((xml, erpId)), Ct);

            var answer = await ApiJson.ReadAsync(submit);
            Assert.True(submit.IsSuccessStatusCode, answer.ToJsonString());
            var chNFe = answer["documents"]![0]!["chNFe"]!.GetValue<string>();
            Assert.NotEqual(original, chNFe);
            Assert.Equal('6', chNFe[34]);
            Assert.Equal(original[..34], chNFe[..34]); // same UF, emitter, model, series and number
            var final = await ApiJson.WaitForFinalAsync(tenant.Http, Cnpj, chNFe, TimeSpan.FromSeconds(60));
            Assert.Equal(100, final["cStat"]!.GetValue<int>());
            Assert.Equal(6, final["tpEmis"]!.GetValue<int>());
            Assert.Equal("SVC-AN", final["contingency"]!.GetValue<string>());
            using var byErp = await tenant.Http.GetAsync(Url($"/api/v1/entities/{Cnpj}/nfe/by-erp-id?erpId={erpId}"), Ct);
            Assert.Equal(chNFe, (await ApiJson.ReadAsync(byErp))["chNFe"]!.GetValue<string>());
            var signed = SafeXml.Load(await tenant.Http.GetStringAsync(Url($"/api/v1/entities/{Cnpj}/nfe/{chNFe}/xml"), Ct)).DocumentElement!;
            var ide = signed.GetElementsByTagName("ide", NfeNamespaces.Nfe).OfType<XmlElement>().Single();
            Assert.Equal("6", ide["tpEmis", NfeNamespaces.Nfe]!.InnerText);
            Assert.StartsWith("Contingencia SVC-AN imposta ao emitente", ide["xJust", NfeNamespaces.Nfe]!.InnerText, StringComparison.Ordinal);
            Assert.NotEmpty(ide["dhCont", NfeNamespaces.Nfe]!.InnerText);
        }
        finally
        {
            await admin.DeleteAsync(Url("/admin/svc/SVC-AN/SP"), Ct);
        }
    }

    [Fact]
    public async Task A_key_already_stored_is_never_rekeyed_when_resubmitted_in_contingency()
    {
        var tenant = await host.NewTenantAsync(Cnpj);
        var xml = Sample(tpEmis: 1);
        using var first = await tenant.Http.PostAsync(Url($"/api/v1/entities/{Cnpj}/nfe"), ApiJson.Documents((xml, null)), Ct);
        first.EnsureSuccessStatusCode();
        (await tenant.Http.PutAsJsonAsync(Url($"/api/v1/entities/{Cnpj}/contingency"), new { @override = "Force" }, Ct)).EnsureSuccessStatusCode();

        using var again = await tenant.Http.PostAsync(Url($"/api/v1/entities/{Cnpj}/nfe"), ApiJson.Documents((xml, null)), Ct);

        var answer = await ApiJson.ReadAsync(again);
        Assert.True(again.IsSuccessStatusCode, answer.ToJsonString());
        Assert.Equal(ContingencyXml.KeyOf(xml), answer["documents"]![0]!["chNFe"]!.GetValue<string>());
    }

    private string Sample(int tpEmis) =>
        SampleNfe.Create(new SampleNfeOptions { EmitCnpj = Cnpj, tpEmis = tpEmis, nNF = HostFixture.NextNumber(), Items = 2 }, host.Time);
}
