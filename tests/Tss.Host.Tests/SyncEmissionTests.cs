using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Tss.DevTools.Chaos;
using Tss.DevTools.Samples;
using Tss.Protocol.Nfce;
using Tss.Protocol.Schemas;
using Tss.Tenancy;
using Tss.Tenancy.Entities;

namespace Tss.Host.Tests;

/// <summary>
/// Synchronous emission (indSinc=1) answered in the submit request: an NFC-e (or a lone NF-e with sync) is sent to the
/// simulator within the request and the answer carries SEFAZ's result — authorization with nProt and the procNFe link,
/// or the rejection — as a normal one-document lot the rest of the product sees.
/// </summary>
public sealed class SyncEmissionTests(HostFixture host)
{
    internal const string Cnpj = "11222333000181";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Uri Url(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task An_nfce_is_authorized_within_the_request_and_the_answer_carries_the_protocol_and_procnfe_link()
    {
        var tenant = await host.NewTenantAsync(Cnpj);

        using var submit = await tenant.Http.PostAsync(Url($"/api/v1/entities/{Cnpj}/nfe"), ApiJson.Documents((Nfce(host), "PDV-1")), Ct);

        var answer = await ApiJson.ReadAsync(submit);
        Assert.True(submit.StatusCode == HttpStatusCode.OK, answer.ToJsonString());
        var document = answer["documents"]![0]!.AsObject();
        Assert.Equal("Authorized", document["status"]!.GetValue<string>());
        Assert.Equal(100, document["sefaz"]!["cStat"]!.GetValue<int>());
        Assert.Matches("^[0-9]{15}$", document["sefaz"]!["nProt"]!.GetValue<string>());
        var chNFe = document["chNFe"]!.GetValue<string>();
        var proc = await tenant.Http.GetStringAsync(Url(document["links"]!["procNFe"]!.GetValue<string>()), Ct);
        Assert.True(NfeSchemas.Shared.Validate(proc, "procNFe_v4.00.xsd").IsValid);
        Assert.Equal("Authorized", (await tenant.Http.GetFromJsonAsync<JsonObject>(Url(document["links"]!["status"]!.GetValue<string>()), Ct))!["status"]!.GetValue<string>());
        Assert.Single(await SendsOfAsync(host, chNFe));
    }

    [Fact]
    public async Task An_nfce_rejected_by_sefaz_gets_the_rejection_in_the_response()
    {
        var tenant = await host.NewTenantAsync(Cnpj);
        var admin = host.Services.GetRequiredService<TenancyAdmin>();
        await admin.SaveEntityAsync(new EntityRegistration { TenantId = tenant.TenantId, Cnpj = Cnpj, Uf = "SP", tpAmb = 2, NfceCsc = new NfceCsc("987654", "ZZZZZZZZZZZZZZZZZZZZ") }, Ct);

        using var submit = await tenant.Http.PostAsync(Url($"/api/v1/entities/{Cnpj}/nfe"), ApiJson.Documents((Nfce(host), null)), Ct);

        var answer = await ApiJson.ReadAsync(submit);
        Assert.True(submit.StatusCode == HttpStatusCode.OK, answer.ToJsonString());
        var document = answer["documents"]![0]!.AsObject();
        Assert.Equal("Rejected", document["status"]!.GetValue<string>());
        Assert.Equal(462, document["sefaz"]!["cStat"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(document["sefaz"]!["xMotivo"]!.GetValue<string>()));
        Assert.Null(document["links"]!["procNFe"]);
    }

    [Fact]
    public async Task A_single_nfe_submitted_with_sync_is_authorized_within_the_request()
    {
        var tenant = await host.NewTenantAsync(Cnpj);

        using var submit = await tenant.Http.PostAsync(Url($"/api/v1/entities/{Cnpj}/nfe?sync=true"), ApiJson.Documents((host.SampleNfe(Cnpj), null)), Ct);

        var answer = await ApiJson.ReadAsync(submit);
        Assert.True(submit.StatusCode == HttpStatusCode.OK, answer.ToJsonString());
        Assert.Equal("Authorized", answer["documents"]![0]!["status"]!.GetValue<string>());
        Assert.Equal(100, answer["documents"]![0]!["sefaz"]!["cStat"]!.GetValue<int>());
        var sends = await SendsOfAsync(host, answer["documents"]![0]!["chNFe"]!.GetValue<string>());
        Assert.Single(sends);
    }

    [Fact]
    public async Task Several_nfe_with_sync_keep_being_queued_and_answered_202()
    {
        var tenant = await host.NewTenantAsync(Cnpj);

        using var submit = await tenant.Http.PostAsync(Url($"/api/v1/entities/{Cnpj}/nfe?sync=true"),
            ApiJson.Documents((host.SampleNfe(Cnpj), null), (host.SampleNfe(Cnpj), null)), Ct);

        var answer = await ApiJson.ReadAsync(submit);
        Assert.True(submit.StatusCode == HttpStatusCode.Accepted, answer.ToJsonString());
        foreach (var document in answer["documents"]!.AsArray())
        {
            Assert.Null(document!["sefaz"]);
            var final = await ApiJson.WaitForFinalAsync(tenant.Http, Cnpj, document["chNFe"]!.GetValue<string>(), TimeSpan.FromSeconds(60));
            Assert.Equal("Authorized", final["status"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task A_batch_of_nfce_is_sent_one_after_another_within_the_request()
    {
        var tenant = await host.NewTenantAsync(Cnpj);

        using var submit = await tenant.Http.PostAsync(Url($"/api/v1/entities/{Cnpj}/nfe"), ApiJson.Documents((Nfce(host), null), (Nfce(host), null), (Nfce(host), null)), Ct);

        var answer = await ApiJson.ReadAsync(submit);
        Assert.True(submit.StatusCode == HttpStatusCode.OK, answer.ToJsonString());
        Assert.All(answer["documents"]!.AsArray(), d => Assert.Equal(100, d!["sefaz"]!["cStat"]!.GetValue<int>()));
    }

    internal static string Nfce(HostFixture host) =>
        SampleNfe.Create(new SampleNfeOptions { EmitCnpj = Cnpj, mod = 65, nNF = HostFixture.NextNumber(), Items = 2 }, host.Time);

    /// <summary>The enviNFe requests the simulator received for <paramref name="chNFe"/>.</summary>
    internal static async Task<List<SefazExchange>> SendsOfAsync(HostFixture host, string chNFe)
    {
        using var admin = new HttpClient { BaseAddress = host.Simulator.AdminUri };
        return [.. (await SefazExchange.ReadAsync(admin, Ct)).Where(e => e.PayloadRoot == "enviNFe" && e.chNFe.Contains(chNFe))];
    }
}
