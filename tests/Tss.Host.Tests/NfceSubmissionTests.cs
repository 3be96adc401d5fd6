using System.Net;
using System.Net.Http.Json;
using System.Xml;
using Microsoft.Extensions.DependencyInjection;
using Tss.DevTools.Samples;
using Tss.Protocol.Messages;
using Tss.Protocol.Nfce;
using Tss.Protocol.Schemas;
using Tss.Protocol.Signing;
using Tss.Protocol.Xml;
using Tss.Tenancy;
using Tss.Tenancy.Entities;

namespace Tss.Host.Tests;

/// <summary>
/// NFC-e (model 65) through the API: the service adds the QR code (infNFeSupl) before signing, sends it alone and
/// synchronously within the request (the answer carries SEFAZ's result), and the simulator — which checks the QR code as SEFAZ does (394, 397, 462, 464) — authorizes it.
/// </summary>
public sealed class NfceSubmissionTests(HostFixture host)
{
    private const string Cnpj = "11222333000181";
    private static readonly NfceCsc Csc = new("000002", "A1B2C3D4E5F6G7H8I9J0K1L2");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Uri Url(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task Without_a_csc_the_nfce_gets_the_qr_code_v3_and_is_authorized()
    {
        var tenant = await host.NewTenantAsync(Cnpj);

        var (final, signed) = await SubmitAndWaitAsync(tenant, Nfce());

        Assert.Equal("Authorized", final["status"]!.GetValue<string>());
        Assert.Equal(100, final["cStat"]!.GetValue<int>());
        var qrCode = QrCode(signed);
        Assert.Matches($@"^https://www\.homologacao\.nfce\.fazenda\.sp\.gov\.br/qrcode\?p={final["chNFe"]!.GetValue<string>()}\|3\|2$", qrCode);
    }

    [Fact]
    public async Task With_the_company_csc_the_nfce_gets_the_qr_code_v2_that_the_sefaz_recomputes()
    {
        var tenant = await host.NewTenantAsync(Cnpj);
        await SetCscAsync(tenant.TenantId);
        await RegisterCscAtSefazAsync(Csc);

        var (final, signed) = await SubmitAndWaitAsync(tenant, Nfce());

        Assert.Equal(100, final["cStat"]!.GetValue<int>());
        Assert.Matches($@"\?p={final["chNFe"]!.GetValue<string>()}\|2\|2\|2\|[0-9A-F]{{40}}$", QrCode(signed));
    }

    [Fact]
    public async Task A_csc_the_sefaz_does_not_know_is_rejected_with_462()
    {
        var tenant = await host.NewTenantAsync(Cnpj);
        await SetCscAsync(tenant.TenantId, new NfceCsc("987654", "ZZZZZZZZZZZZZZZZZZZZ"));

        var (final, _) = await SubmitAndWaitAsync(tenant, Nfce());

        Assert.Equal("Rejected", final["status"]!.GetValue<string>());
        Assert.Equal(462, final["cStat"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_qr_code_the_erp_built_is_sent_as_it_came()
    {
        var tenant = await host.NewTenantAsync(Cnpj);
        var nfe = SafeXml.Load(Nfce()).DocumentElement!;
        var key = nfe.GetElementsByTagName("infNFe", NfeNamespaces.Nfe).OfType<XmlElement>().Single().GetAttribute("Id")[3..];
        NfceQrCode.AddTo(nfe, key, 2, "SP", null);
        var qrCode = nfe.GetElementsByTagName("qrCode", NfeNamespaces.Nfe)[0]!.InnerText;

        var (final, signed) = await SubmitAndWaitAsync(tenant, nfe.OuterXml);

        Assert.Equal(100, final["cStat"]!.GetValue<int>());
        Assert.Equal(qrCode, QrCode(signed));
        Assert.Single(signed.GetElementsByTagName("infNFeSupl", NfeNamespaces.Nfe).OfType<XmlElement>());
    }

    [Fact]
    public async Task An_off_line_nfce_is_refused_in_sp_before_anything_is_stored()
    {
        var tenant = await host.NewTenantAsync(Cnpj);
        var xml = SampleNfe.Create(new SampleNfeOptions { EmitCnpj = Cnpj, mod = 65, tpEmis = 9, nNF = HostFixture.NextNumber(), Items = 2 }, host.Time);

        using var submit = await tenant.Http.PostAsync(Url($"/api/v1/entities/{Cnpj}/nfe"), ApiJson.Documents((xml, null)), Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, submit.StatusCode);
        Assert.Equal("nfce.offline_not_allowed", await ApiJson.CodeAsync(submit));
        Assert.Equal(0, await host.StoredRowsAsync(tenant.TenantId));
    }

    private string Nfce() =>
        SampleNfe.Create(new SampleNfeOptions { EmitCnpj = Cnpj, mod = 65, nNF = HostFixture.NextNumber(), Items = 2 }, host.Time);

    private async Task<(System.Text.Json.Nodes.JsonObject Final, XmlElement Signed)> SubmitAndWaitAsync(TestTenant tenant, string xml)
    {
        using var submit = await tenant.Http.PostAsync(Url($"/api/v1/entities/{Cnpj}/nfe"), ApiJson.Documents((xml, null)), Ct);
        var answer = await ApiJson.ReadAsync(submit);
        // Sent synchronously within the request: the answer already holds SEFAZ's result, which the status query repeats.
        Assert.True(submit.StatusCode == HttpStatusCode.OK, answer.ToJsonString());
        var chNFe = answer["documents"]![0]!["chNFe"]!.GetValue<string>();

        var final = await ApiJson.WaitForFinalAsync(tenant.Http, Cnpj, chNFe, TimeSpan.FromSeconds(60));
        Assert.Equal(answer["documents"]![0]!["status"]!.GetValue<string>(), final["status"]!.GetValue<string>());
        Assert.Equal(answer["documents"]![0]!["sefaz"]!["cStat"]!.GetValue<int>(), final["cStat"]!.GetValue<int>());

        var signedXml = await tenant.Http.GetStringAsync(Url($"/api/v1/entities/{Cnpj}/nfe/{chNFe}/xml"), Ct);
        var signed = SafeXml.Load(signedXml).DocumentElement!;
        Assert.Equal(["infNFe", "infNFeSupl", "Signature"], signed.ChildNodes.OfType<XmlElement>().Select(e => e.LocalName));
        Assert.True(SignatureVerifier.Verify(signed.ChildNodes.OfType<XmlElement>().First()).IsValid);
        var schema = NfeSchemas.Shared.Validate(signedXml, "nfe_v4.00.xsd");
        Assert.True(schema.IsValid, string.Join("; ", schema.Errors.Select(e => e.Message)));
        return (final, signed);
    }

    private static string QrCode(XmlElement nfe) => nfe.GetElementsByTagName("qrCode", NfeNamespaces.Nfe)[0]!.InnerText;

    private async Task SetCscAsync(string tenantId, NfceCsc? csc = null)
    {
        var admin = host.Services.GetRequiredService<TenancyAdmin>();
        var saved = await admin.SaveEntityAsync(new EntityRegistration { TenantId = tenantId, Cnpj = Cnpj, Uf = "SP", tpAmb = 2, NfceCsc = csc ?? Csc }, Ct);
        Assert.Equal((csc ?? Csc).Id, saved.NfceCscId);
    }

    private async Task RegisterCscAtSefazAsync(NfceCsc csc)
    {
        using var http = new HttpClient { BaseAddress = host.Simulator.AdminUri };
        using var put = await http.PutAsJsonAsync(Url($"/admin/nfce/{Cnpj}/csc/{csc.Id}"), new { csc = csc.Token }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
    }
}
