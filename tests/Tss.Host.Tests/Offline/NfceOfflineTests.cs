using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml;
using Microsoft.Extensions.DependencyInjection;
using Tss.DevTools.Samples;
using Tss.Protocol.Messages;
using Tss.Protocol.Schemas;
using Tss.Protocol.Signing;
using Tss.Protocol.Xml;
using Tss.Tenancy;
using Tss.Tenancy.Entities;

namespace Tss.Host.Tests.Offline;

/// <summary>
/// NFC-e off-line contingency (tpEmis 9) on the local stack: the model-65 authorizer goes down (simulator admin API), the
/// policy learns it from a status answer, a new NFC-e is issued off-line at once (re-keyed, signed, off-line QR code,
/// printable), waits in the pending list, and once the authorizer is back its lot transmits it and it is authorized,
/// once. And the coded refusals.
/// </summary>
public sealed class NfceOfflineTests(HostFixture host)
{
    private const string Cnpj = "11222333000181";

    // A UF no other test of this host sends NFC-e to, so the outage and the policy state are this test's own.
    private const string Uf = "BA";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Uri Url(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task With_the_nfce_authorizer_down_an_nfce_is_issued_off_line_at_once_and_authorized_once_after_it_returns()
    {
        var tenant = await host.NewTenantAsync(Cnpj);
        await MoveEntityAsync(tenant.TenantId, Uf);
        using var admin = new HttpClient { BaseAddress = host.Simulator.AdminUri };
        using (var down = await admin.PutAsJsonAsync(Url($"/admin/authorizers/{Uf}/outage"), new { model = 65, cStat = 109, activateSvc = false }, Ct))
        {
            Assert.True(down.IsSuccessStatusCode, await down.Content.ReadAsStringAsync(Ct));
        }
        try
        {
            // The ERP asks the NFC-e status: 109, which puts the authorizer in contingency for everyone.
            using (var status = await tenant.Http.GetAsync(Url($"/api/v1/entities/{Cnpj}/sefaz/status?mod=65"), Ct))
            {
                Assert.Equal(109, (await ApiJson.ReadAsync(status))["cStat"]!.GetValue<int>());
            }
            using (var policy = await tenant.Http.GetAsync(Url($"/api/v1/contingency/{Uf}?model=65&tpAmb=2"), Ct))
            {
                var state = await ApiJson.ReadAsync(policy);
                Assert.Equal("Contingency", state["state"]!["mode"]!.GetValue<string>());
                Assert.Equal("off-line", state["state"]!["via"]!.GetValue<string>());
            }

            var xml = SampleNfe.Create(new SampleNfeOptions { EmitCnpj = Cnpj, Uf = Uf, mod = 65, nNF = HostFixture.NextNumber(), Items = 2 }, host.Time);
            var started = DateTime.UtcNow;
            using var submit = await tenant.Http.PostAsync(Url($"/api/v1/entities/{Cnpj}/nfe"), ApiJson.Documents((xml, "venda-1")), Ct);

            // Issued at once, in the request: a new key with tpEmis 9, the off-line state and where to print it from.
            var answer = await ApiJson.ReadAsync(submit);
            Assert.True(submit.StatusCode == HttpStatusCode.Accepted, answer.ToJsonString());
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10), "the off-line issue must not wait for the authorizer");
            var document = answer["documents"]![0]!;
            var chNFe = document["chNFe"]!.GetValue<string>();
            Assert.Equal('9', chNFe[34]);
            Assert.Equal(9, document["offline"]!["tpEmis"]!.GetValue<int>());
            Assert.False(document["offline"]!["transmitted"]!.GetValue<bool>());
            Assert.Equal($"/api/v1/entities/{Cnpj}/nfe/{chNFe}/xml", document["links"]!["xml"]!.GetValue<string>());
            var signed = await SignedAsync(tenant, chNFe);
            var ide = signed["infNFe", NfeNamespaces.Nfe]!["ide", NfeNamespaces.Nfe]!;
            Assert.Equal("9", ide["tpEmis", NfeNamespaces.Nfe]!.InnerText);
            Assert.NotNull(ide["dhCont", NfeNamespaces.Nfe]);
            Assert.NotNull(ide["xJust", NfeNamespaces.Nfe]);
            var qrCode = signed.GetElementsByTagName("qrCode", NfeNamespaces.Nfe)[0]!.InnerText;
            Assert.True(Regex.IsMatch(qrCode, $@"\?p={chNFe}\|3\|2\|\d{{2}}\|\d+\.\d{{2}}\|[123]?\|\d*\|[A-Za-z0-9+/=]+$"), qrCode);

            // Still pending while the authorizer is down, and listed as such.
            await Task.Delay(TimeSpan.FromSeconds(2), Ct);
            Assert.Contains(chNFe, await PendingAsync(tenant));
            using (var current = await tenant.Http.GetAsync(Url($"/api/v1/entities/{Cnpj}/nfe/{chNFe}"), Ct))
            {
                var body = await ApiJson.ReadAsync(current);
                Assert.NotEqual("Authorized", body["status"]!.GetValue<string>());
                Assert.Equal(9, body["offline"]!["tpEmis"]!.GetValue<int>());
            }
        }
        finally
        {
            using var up = await admin.DeleteAsync(Url($"/admin/authorizers/{Uf}/outage?model=65"), Ct);
        }

        var pending = await PendingAsync(tenant);
        var key = Assert.Single(pending);
        var final = await ApiJson.WaitForFinalAsync(tenant.Http, Cnpj, key, TimeSpan.FromSeconds(150));
        Assert.True(final["status"]!.GetValue<string>() == "Authorized", final.ToJsonString());
        Assert.Equal(100, final["cStat"]!.GetValue<int>());
        Assert.True(final["offline"]!["transmitted"]!.GetValue<bool>());
        Assert.Empty(await PendingAsync(tenant));
        var authorizations = await admin.GetFromJsonAsync<JsonArray>(Url("/admin/authorizations"), Ct);
        var mine = authorizations!.Where(a => a!["chNFe"]!.GetValue<string>().Substring(6, 14) == Cnpj
            && a["chNFe"]!.GetValue<string>().Substring(25, 9) == key.Substring(25, 9) && a["chNFe"]!.GetValue<string>()[..2] == key[..2]).ToList();
        var only = Assert.Single(mine);
        Assert.Equal(key, only!["chNFe"]!.GetValue<string>());
        Assert.Equal(1, only["timesAuthorized"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_nfce_the_erp_issued_off_line_is_accepted_and_authorized()
    {
        var tenant = await host.NewTenantAsync(Cnpj);
        await MoveEntityAsync(tenant.TenantId, "PR");
        var xml = SampleNfe.Create(new SampleNfeOptions { EmitCnpj = Cnpj, Uf = "PR", mod = 65, tpEmis = 9, nNF = HostFixture.NextNumber(), Items = 2 }, host.Time);

        using var submit = await tenant.Http.PostAsync(Url($"/api/v1/entities/{Cnpj}/nfe"), ApiJson.Documents((xml, null)), Ct);

        var answer = await ApiJson.ReadAsync(submit);
        Assert.True(submit.StatusCode == HttpStatusCode.Accepted, answer.ToJsonString());
        var chNFe = answer["documents"]![0]!["chNFe"]!.GetValue<string>();
        var final = await ApiJson.WaitForFinalAsync(tenant.Http, Cnpj, chNFe, TimeSpan.FromSeconds(60));
        Assert.True(final["cStat"]?.GetValue<int>() == 100, final.ToJsonString());
    }

    [Fact]
    public async Task Off_line_emission_in_sp_is_refused_with_its_code_and_nothing_stored()
    {
        var tenant = await host.NewTenantAsync(Cnpj); // SP
        var xml = SampleNfe.Create(new SampleNfeOptions { EmitCnpj = Cnpj, mod = 65, tpEmis = 9, nNF = HostFixture.NextNumber(), Items = 2 }, host.Time);

        await AssertRefusedAsync(tenant, xml, "nfce.offline_not_allowed");
    }

    [Theory]
    [InlineData("xJust", "nfce.offline_missing_justification")]
    [InlineData("dhCont", "nfce.offline_missing_dhcont")]
    public async Task An_off_line_nfce_without_its_contingency_fields_is_refused(string removed, string code)
    {
        var tenant = await host.NewTenantAsync(Cnpj);
        await MoveEntityAsync(tenant.TenantId, "PR");
        var nfe = SafeXml.Load(SampleNfe.Create(new SampleNfeOptions { EmitCnpj = Cnpj, Uf = "PR", mod = 65, tpEmis = 9, nNF = HostFixture.NextNumber(), Items = 2 }, host.Time)).DocumentElement!;
        var ide = nfe["infNFe", NfeNamespaces.Nfe]!["ide", NfeNamespaces.Nfe]!;
        ide.RemoveChild(ide[removed, NfeNamespaces.Nfe]!);

        await AssertRefusedAsync(tenant, nfe.OuterXml, code);
    }

    [Fact]
    public async Task An_nfe_model_55_with_tpEmis_9_is_refused()
    {
        var tenant = await host.NewTenantAsync(Cnpj);
        var xml = SampleNfe.Create(new SampleNfeOptions { EmitCnpj = Cnpj, mod = 55, tpEmis = 9, nNF = HostFixture.NextNumber() }, host.Time);

        await AssertRefusedAsync(tenant, xml, "nfe.offline_requires_nfce");
    }

    [Fact]
    public async Task An_off_line_nfce_past_its_24_hours_is_refused()
    {
        var tenant = await host.NewTenantAsync(Cnpj);
        await MoveEntityAsync(tenant.TenantId, "PR");
        var xml = SampleNfe.Create(new SampleNfeOptions
        {
            EmitCnpj = Cnpj,
            Uf = "PR",
            mod = 65,
            tpEmis = 9,
            nNF = HostFixture.NextNumber(),
            Items = 2,
            dhEmi = host.Time.GetUtcNow().AddHours(-25),
        }, host.Time);

        await AssertRefusedAsync(tenant, xml, "nfce.offline_deadline_passed");
    }

    private async Task AssertRefusedAsync(TestTenant tenant, string xml, string code)
    {
        using var submit = await tenant.Http.PostAsync(Url($"/api/v1/entities/{Cnpj}/nfe"), ApiJson.Documents((xml, null)), Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, submit.StatusCode);
        Assert.Equal(code, await ApiJson.CodeAsync(submit));
        Assert.Equal(0, await host.StoredRowsAsync(tenant.TenantId));
    }

    private async Task MoveEntityAsync(string tenantId, string uf)
    {
        var admin = host.Services.GetRequiredService<TenancyAdmin>();
        await admin.SaveEntityAsync(new EntityRegistration { TenantId = tenantId, Cnpj = Cnpj, Uf = uf, tpAmb = 2 }, Ct);
    }

    private static async Task<List<string>> PendingAsync(TestTenant tenant)
    {
        using var list = await tenant.Http.GetAsync(Url($"/api/v1/entities/{Cnpj}/nfe?offline=pending"), Ct);
        var body = await ApiJson.ReadAsync(list);
        Assert.True(list.IsSuccessStatusCode, body.ToJsonString());
        return [.. body["documents"]!.AsArray().Select(d => d!["chNFe"]!.GetValue<string>())];
    }

    private static async Task<XmlElement> SignedAsync(TestTenant tenant, string chNFe)
    {
        var signedXml = await tenant.Http.GetStringAsync(Url($"/api/v1/entities/{Cnpj}/nfe/{chNFe}/xml"), Ct);
        var signed = SafeXml.Load(signedXml).DocumentElement!;
        Assert.Equal(["infNFe", "infNFeSupl", "Signature"], signed.ChildNodes.OfType<XmlElement>().Select(e => e.LocalName));
        Assert.True(SignatureVerifier.Verify(signed.ChildNodes.OfType<XmlElement>().First()).IsValid);
        var schema = NfeSchemas.Shared.Validate(signedXml, "nfe_v4.00.xsd");
        Assert.True(schema.IsValid, string.Join("; ", schema.Errors.Select(e => e.Message)));
        return signed;
    }
}
