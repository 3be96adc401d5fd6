using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Xml;
using Microsoft.Extensions.DependencyInjection;
using Tss.DevTools.Samples;
using Tss.Protocol.Messages;
using Tss.Protocol.Xml;
using Tss.Tenancy;
using Tss.Tenancy.Entities;

namespace Tss.Host.Tests.Contingency;

/// <summary>
/// EPEC contingency (tpEmis 4) on the local stack (Azurite, Durable on Azurite, the simulator over HTTPS): an entity that
/// chose EPEC, its UF's authorizer down → the NF-e is re-keyed to tpEmis 4, its EPEC registered at the Ambiente Nacional,
/// its DANFE printable at once; the same number under another key is refused at ingest (409), and from another
/// system of the issuer (another tenant with the CNPJ) rejected by the AN (485) and that document ends
/// Rejected, never sent; the authorizer returns → the NF-e is authorized once, the EPEC protocol kept. And the coded
/// refusals of an ERP-built tpEmis 4 NF-e.
/// </summary>
public sealed class EpecFlowTests(HostFixture host)
{
    private const string Cnpj = "11222333000181";

    // A UF no other test of this host takes down, so the outage is this test's own.
    private const string Uf = "GO";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Uri Url(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task With_the_authorizer_down_an_entity_on_epec_issues_at_once_prints_and_is_authorized_once_after_it_returns()
    {
        var tenant = await host.NewTenantAsync(Cnpj);
        await MoveEntityAsync(tenant.TenantId, Uf);
        (await tenant.Http.PutAsJsonAsync(Url($"/api/v1/entities/{Cnpj}/contingency"), new { @override = "Epec" }, Ct)).EnsureSuccessStatusCode();
        using var admin = new HttpClient { BaseAddress = host.Simulator.AdminUri };
        using (var down = await admin.PutAsJsonAsync(Url($"/admin/authorizers/{Uf}/outage"), new { model = 55, cStat = 109, activateSvc = false }, Ct))
        {
            Assert.True(down.IsSuccessStatusCode, await down.Content.ReadAsStringAsync(Ct));
        }

        string chNFe;
        try
        {
            var nNF = HostFixture.NextNumber();
            var xml = SampleNfe.Create(new SampleNfeOptions { EmitCnpj = Cnpj, Uf = Uf, nNF = nNF }, host.Time);
            using var submit = await tenant.Http.PostAsync(Url($"/api/v1/entities/{Cnpj}/nfe"), ApiJson.Documents((xml, "epec-1")), Ct);
            var answer = await ApiJson.ReadAsync(submit);
            Assert.True(submit.StatusCode == HttpStatusCode.Accepted, answer.ToJsonString());
            chNFe = answer["documents"]![0]!["chNFe"]!.GetValue<string>();
            Assert.Equal('4', chNFe[34]);

            // The EPEC is registered at the AN while the authorizer is down; the document waits, printable.
            var registered = await WaitForEpecAsync(tenant, chNFe, "Registered");
            Assert.Equal(15, registered["epec"]!["nProt"]!.GetValue<string>().Length);
            Assert.NotEqual("Authorized", registered["status"]!.GetValue<string>());
            Assert.Equal("EPEC", registered["contingency"]!.GetValue<string>());
            var ide = (await SignedAsync(tenant, chNFe))["infNFe", NfeNamespaces.Nfe]!["ide", NfeNamespaces.Nfe]!;
            Assert.Equal("4", ide["tpEmis", NfeNamespaces.Nfe]!.InnerText);
            Assert.NotNull(ide["dhCont", NfeNamespaces.Nfe]);
            Assert.NotNull(ide["xJust", NfeNamespaces.Nfe]);
            using (var danfe = await tenant.Http.GetAsync(Url($"/api/v1/entities/{Cnpj}/nfe/{chNFe}/danfe"), Ct))
            {
                Assert.Equal(HttpStatusCode.OK, danfe.StatusCode);
                Assert.Equal("application/pdf", danfe.Content.Headers.ContentType?.MediaType);
                Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await danfe.Content.ReadAsByteArrayAsync(Ct), 0, 4), StringComparison.Ordinal);
            }

            // A second NF-e with the same number under another key (built by the ERP for EPEC): ingest knows the number
            // and refuses it before anything is sent.
            var twin = SampleNfe.Create(new SampleNfeOptions { EmitCnpj = Cnpj, Uf = Uf, nNF = nNF, tpEmis = 4 }, host.Time);
            using (var again = await tenant.Http.PostAsync(Url($"/api/v1/entities/{Cnpj}/nfe"), ApiJson.Documents((twin, "epec-2")), Ct))
            {
                Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
                Assert.Equal("nfe.number_taken", await ApiJson.CodeAsync(again));
            }
            using (var notStored = await tenant.Http.GetAsync(Url($"/api/v1/entities/{Cnpj}/nfe/{ContingencyXml.KeyOf(twin)}"), Ct))
            {
                Assert.Equal(HttpStatusCode.NotFound, notStored.StatusCode);
            }

            // Another system of the same issuer (another tenant with this CNPJ) sends it: the AN answers 485.
            var other = await host.NewTenantAsync(Cnpj);
            await MoveEntityAsync(other.TenantId, Uf);
            (await other.Http.PutAsJsonAsync(Url($"/api/v1/entities/{Cnpj}/contingency"), new { @override = "Epec" }, Ct)).EnsureSuccessStatusCode();
            using var second = await other.Http.PostAsync(Url($"/api/v1/entities/{Cnpj}/nfe"), ApiJson.Documents((twin, "epec-2")), Ct);
            var twinKey = (await ApiJson.ReadAsync(second))["documents"]![0]!["chNFe"]!.GetValue<string>();
            Assert.NotEqual(chNFe, twinKey);
            var refused = await WaitForEpecAsync(other, twinKey, "Rejected");
            Assert.Equal("Rejected", refused["status"]!.GetValue<string>());
            Assert.Equal(485, refused["cStat"]!.GetValue<int>());
            Assert.Contains("EPEC", refused["xMotivo"]!.GetValue<string>(), StringComparison.Ordinal);
        }
        finally
        {
            using var up = await admin.DeleteAsync(Url($"/admin/authorizers/{Uf}/outage?model=55"), Ct);
        }

        var final = await ApiJson.WaitForFinalAsync(tenant.Http, Cnpj, chNFe, TimeSpan.FromSeconds(150));
        Assert.True(final["status"]!.GetValue<string>() == "Authorized", final.ToJsonString());
        Assert.Equal(100, final["cStat"]!.GetValue<int>());
        Assert.Equal("Registered", final["epec"]!["status"]!.GetValue<string>());
        Assert.Equal(15, final["epec"]!["nProt"]!.GetValue<string>().Length);
        var authorizations = await admin.GetFromJsonAsync<JsonArray>(Url("/admin/authorizations"), Ct);
        var sameNumber = authorizations!.Where(a => a!["chNFe"]!.GetValue<string>() is var k && k[..2] == chNFe[..2]
            && k.Substring(6, 14) == Cnpj && k.Substring(22, 12) == chNFe.Substring(22, 12)).ToList();
        var only = Assert.Single(sameNumber);
        Assert.Equal(chNFe, only!["chNFe"]!.GetValue<string>());
        Assert.Equal(1, only["timesAuthorized"]!.GetValue<int>());
        var epecs = await admin.GetFromJsonAsync<JsonArray>(Url("/admin/epec"), Ct);
        Assert.Single(epecs!, e => e!["chNFe"]!.GetValue<string>() == chNFe);
    }

    [Theory]
    [InlineData("xJust", "contingency.xjust_missing")]
    [InlineData("dhCont", "contingency.dhcont_missing")]
    public async Task An_epec_nfe_without_its_contingency_fields_is_refused_and_nothing_is_stored(string removed, string code)
    {
        var tenant = await host.NewTenantAsync(Cnpj);
        var nfe = SafeXml.Load(SampleNfe.Create(new SampleNfeOptions { EmitCnpj = Cnpj, tpEmis = 4, nNF = HostFixture.NextNumber() }, host.Time)).DocumentElement!;
        var ide = nfe["infNFe", NfeNamespaces.Nfe]!["ide", NfeNamespaces.Nfe]!;
        ide.RemoveChild(ide[removed, NfeNamespaces.Nfe]!);

        using var submit = await tenant.Http.PostAsync(Url($"/api/v1/entities/{Cnpj}/nfe"), ApiJson.Documents((nfe.OuterXml, null)), Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, submit.StatusCode);
        Assert.Equal(code, await ApiJson.CodeAsync(submit));
        Assert.Equal(0, await host.StoredRowsAsync(tenant.TenantId));
    }

    private static async Task<JsonObject> WaitForEpecAsync(TestTenant tenant, string chNFe, string status)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        JsonObject body;
        do
        {
            await Task.Delay(TimeSpan.FromMilliseconds(300), Ct);
            using var current = await tenant.Http.GetAsync(Url($"/api/v1/entities/{Cnpj}/nfe/{chNFe}"), Ct);
            body = await ApiJson.ReadAsync(current);
        }
        while (body["epec"]?["status"]?.GetValue<string>() != status && DateTime.UtcNow < until);
        Assert.True(body["epec"]?["status"]?.GetValue<string>() == status, body.ToJsonString());
        return body;
    }

    private async Task MoveEntityAsync(string tenantId, string uf)
    {
        var admin = host.Services.GetRequiredService<TenancyAdmin>();
        await admin.SaveEntityAsync(new EntityRegistration { TenantId = tenantId, Cnpj = Cnpj, Uf = uf, tpAmb = 2 }, Ct);
    }

    private static async Task<XmlElement> SignedAsync(TestTenant tenant, string chNFe) =>
        SafeXml.Load(await tenant.Http.GetStringAsync(Url($"/api/v1/entities/{Cnpj}/nfe/{chNFe}/xml"), Ct)).DocumentElement!;
}
