using System.Net;
using System.Net.Http.Json;
using System.Xml;
using Microsoft.Extensions.DependencyInjection;
using Tss.DevTools.Samples;
using Tss.Protocol.Messages;
using Tss.Protocol.Xml;
using Tss.Tenancy;
using Tss.Tenancy.Entities;
using UglyToad.PdfPig;

namespace Tss.Host.Tests.Offline;

/// <summary>
/// The DANFE NFC-e of an NFC-e issued off-line (tpEmis 9): downloadable at once while it waits for its authorizer, with
/// the contingency legends and no protocol; after its authorization the normal DANFE with the protocol.
/// </summary>
public sealed class NfceOfflineDanfeTests(HostFixture host)
{
    private const string Cnpj = "11222333000181";

    // A UF no other test of this host takes down, so the outage is this test's own.
    private const string Uf = "RN";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Uri Url(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task A_pending_off_line_nfce_has_a_contingency_danfe_at_once_and_the_normal_one_after_its_authorization()
    {
        var tenant = await host.NewTenantAsync(Cnpj);
        var admin = host.Services.GetRequiredService<TenancyAdmin>();
        await admin.SaveEntityAsync(new EntityRegistration { TenantId = tenant.TenantId, Cnpj = Cnpj, Uf = Uf, tpAmb = 2 }, Ct);
        using var simulator = new HttpClient { BaseAddress = host.Simulator.AdminUri };
        string chNFe;
        using (var down = await simulator.PutAsJsonAsync(Url($"/admin/authorizers/{Uf}/outage"), new { model = 65, cStat = 109, activateSvc = false }, Ct))
        {
            Assert.True(down.IsSuccessStatusCode, await down.Content.ReadAsStringAsync(Ct));
        }
        try
        {
            var xml = SampleNfe.Create(new SampleNfeOptions { EmitCnpj = Cnpj, Uf = Uf, mod = 65, tpEmis = 9, nNF = HostFixture.NextNumber(), Items = 2 }, host.Time);
            using var submit = await tenant.Http.PostAsync(Url($"/api/v1/entities/{Cnpj}/nfe"), ApiJson.Documents((xml, "caixa-7")), Ct);
            var answer = await ApiJson.ReadAsync(submit);
            Assert.True(submit.StatusCode == HttpStatusCode.Accepted, answer.ToJsonString());
            chNFe = answer["documents"]![0]!["chNFe"]!.GetValue<string>();

            // Pending (its authorizer is down) and printable now: the contingency legends, its key, no protocol.
            var pending = await DanfeTextAsync(tenant, chNFe);
            Assert.Contains("EMITIDA EM CONTINGÊNCIA", pending);
            Assert.Contains("Pendente de autorização", pending);
            Assert.Contains(Groups(chNFe), pending);
            Assert.DoesNotContain("Protocolo de autorização", pending);
            var signed = SafeXml.Load(await tenant.Http.GetStringAsync(Url($"/api/v1/entities/{Cnpj}/nfe/{chNFe}/xml"), Ct)).DocumentElement!;
            Assert.Contains($"?p={chNFe}|3|2|", signed.GetElementsByTagName("qrCode", NfeNamespaces.Nfe)[0]!.InnerText);
        }
        finally
        {
            using var up = await simulator.DeleteAsync(Url($"/admin/authorizers/{Uf}/outage?model=65"), Ct);
        }

        var final = await ApiJson.WaitForFinalAsync(tenant.Http, Cnpj, chNFe, TimeSpan.FromSeconds(150));
        Assert.True(final["status"]!.GetValue<string>() == "Authorized", final.ToJsonString());
        var authorized = await DanfeTextAsync(tenant, chNFe);
        Assert.Contains($"Protocolo de autorização: {final["nProt"]!.GetValue<string>()}", authorized);
        Assert.DoesNotContain("Pendente de autorização", authorized);
    }

    private static async Task<string> DanfeTextAsync(TestTenant tenant, string chNFe)
    {
        using var response = await tenant.Http.GetAsync(Url($"/api/v1/entities/{Cnpj}/nfe/{chNFe}/danfe"), Ct);
        var pdf = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, System.Text.Encoding.UTF8.GetString(pdf));
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var document = PdfDocument.Open(pdf);
        return string.Join('\n', document.GetPages().Select(p => string.Join(' ', p.GetWords().Select(w => w.Text))));
    }

    private static string Groups(string chNFe) => string.Join(' ', Enumerable.Range(0, 11).Select(i => chNFe.Substring(i * 4, 4)));
}
