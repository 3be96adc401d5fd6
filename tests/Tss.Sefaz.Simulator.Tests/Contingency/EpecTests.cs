using System.Net;
using System.Xml;
using Tss.Protocol.Messages;
using Tss.Protocol.Signing;
using Tss.Sefaz.Simulator.Epec;
using Tss.Sefaz.Simulator.Tests.Http;

namespace Tss.Sefaz.Simulator.Tests.Contingency;

/// <summary>The Ambiente Nacional's EPEC service and the normal authorizer's EPEC rules, over real HTTPS.</summary>
public class EpecTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>, IAsyncLifetime
{
    private static int _nNF = 9100;

    public async ValueTask InitializeAsync() => await simulator.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task An_epec_is_registered_with_136_and_its_nfe_is_authorized_later_by_the_normal_authorizer()
    {
        var nfe = Nfe(4);

        var epec = await SendEpecAsync(EpecData.FromNfe(nfe));
        var authorized = await simulator.CallAsync("NFeAutorizacao4", Payloads.EnviNFe(true, nfe));

        SimulatorFixture.AssertValidAnswer(epec);
        Assert.Equal((128, 136), (epec.cStat, EventStatus(epec)));
        Assert.Equal(15, epec.Text("nProt")!.Length);
        Assert.Equal(100, SoapReply.Stat(Assert.Single(authorized.ProtNFe)));
        var listed = Assert.Single(await simulator.GetAsync<List<EpecView>>("/admin/epec"));
        Assert.Equal((Payloads.KeyOf(nfe), epec.Text("nProt")), (listed.chNFe, listed.nProt));
    }

    [Fact]
    public async Task A_second_epec_for_the_key_is_573_and_for_the_same_number_under_another_key_is_485()
    {
        var nNF = Interlocked.Increment(ref _nNF);
        var first = Payloads.SignedNfe(simulator.Time, nNF, tpEmis: 4);
        var otherKey = Payloads.SignedNfe(simulator.Time, nNF, tpEmis: 4);
        Assert.NotEqual(Payloads.KeyOf(first), Payloads.KeyOf(otherKey));

        var registered = await SendEpecAsync(EpecData.FromNfe(first));
        var again = await SendEpecAsync(EpecData.FromNfe(first));
        var sameNumber = await SendEpecAsync(EpecData.FromNfe(otherKey));

        Assert.Equal(136, EventStatus(registered));
        Assert.Equal(573, EventStatus(again));
        Assert.Equal(485, EventStatus(sameNumber));
        Assert.Single(await simulator.GetAsync<List<EpecView>>("/admin/epec"));
    }

    [Fact]
    public async Task An_epec_for_a_key_that_is_not_tpEmis_4_is_484_and_for_a_number_already_authorized_is_661()
    {
        var nNF = Interlocked.Increment(ref _nNF);
        var normal = Payloads.SignedNfe(simulator.Time, nNF);
        await simulator.CallAsync("NFeAutorizacao4", Payloads.EnviNFe(true, normal));
        var late = EpecData.FromNfe(Payloads.SignedNfe(simulator.Time, nNF, tpEmis: 4));
        var tpEmis1 = late with { ChNFe = Payloads.KeyOf(normal) };

        var notEpecKey = await SendEpecAsync(tpEmis1, handWritten: true);
        var alreadyAuthorized = await SendEpecAsync(late);

        Assert.Equal(484, EventStatus(notEpecKey));
        Assert.Equal(661, EventStatus(alreadyAuthorized));
        Assert.Empty(await simulator.GetAsync<List<EpecView>>("/admin/epec"));
    }

    [Fact]
    public async Task The_normal_authorizer_refuses_tpEmis_4_without_epec_468_with_divergent_data_467_and_another_key_691()
    {
        var withoutEpec = Nfe(4);
        var divergent = Nfe(4);
        await SendEpecAsync(EpecData.FromNfe(divergent) with { VNF = "1.00" });
        var nNF = Interlocked.Increment(ref _nNF);
        var registeredKey = Payloads.SignedNfe(simulator.Time, nNF, tpEmis: 4);
        var otherKey = Payloads.SignedNfe(simulator.Time, nNF, tpEmis: 4);
        await SendEpecAsync(EpecData.FromNfe(registeredKey));

        Assert.Equal(468, await AuthorizeAsync(withoutEpec));
        Assert.Equal(467, await AuthorizeAsync(divergent));
        Assert.Equal(691, await AuthorizeAsync(otherKey));
        Assert.Equal(100, await AuthorizeAsync(registeredKey));
    }

    [Fact]
    public async Task A_normal_nfe_with_the_number_of_an_epec_is_692()
    {
        var nNF = Interlocked.Increment(ref _nNF);
        await SendEpecAsync(EpecData.FromNfe(Payloads.SignedNfe(simulator.Time, nNF, tpEmis: 4)));

        Assert.Equal(692, await AuthorizeAsync(Payloads.SignedNfe(simulator.Time, nNF)));
    }

    [Fact]
    public async Task The_epec_service_taken_down_fails_at_transport_and_registers_again_when_back()
    {
        var data = EpecData.FromNfe(Nfe(4));
        using (var down = await simulator.Admin.PutAsync(new Uri("/admin/epec/outage", UriKind.Relative), null, TestContext.Current.CancellationToken))
        {
            down.EnsureSuccessStatusCode();
        }

        var refused = await SendEpecAsync(data);
        var spStatus = await simulator.CallAsync("NFeStatusServico4", Payloads.ConsStatServ());
        using (var back = await simulator.Admin.DeleteAsync(new Uri("/admin/epec/outage", UriKind.Relative), TestContext.Current.CancellationToken))
        {
            back.EnsureSuccessStatusCode();
        }
        var registered = await SendEpecAsync(data);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.Status);
        Assert.Equal(107, spStatus.cStat);
        Assert.Equal(136, EventStatus(registered));
    }

    [Fact]
    public async Task A_tampered_epec_fails_its_signature_check_and_is_not_registered()
    {
        var data = EpecData.FromNfe(Nfe(4));
        var signed = new XmlDsigSigner(TestPki.Signer).Sign(NfeRequests.Epec(data, Now, "SIM-TESTE"), "infEvento");
        var tampered = signed.Replace("<vNF>", "<vNF>1", StringComparison.Ordinal);

        var reply = await simulator.CallAsync("NFeRecepcaoEvento4", NfeRequests.EnvEvento(1, [tampered]));

        Assert.Equal(128, reply.cStat);
        Assert.InRange(EventStatus(reply) ?? 0, 290, 299);
        Assert.Empty(await simulator.GetAsync<List<EpecView>>("/admin/epec"));
    }

    private DateTimeOffset Now => simulator.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(-3));

    private string Nfe(int tpEmis) => Payloads.SignedNfe(simulator.Time, Interlocked.Increment(ref _nNF), tpEmis: tpEmis);

    private async Task<int> AuthorizeAsync(string nfe) =>
        SoapReply.Stat(Assert.Single((await simulator.CallAsync("NFeAutorizacao4", Payloads.EnviNFe(true, nfe))).ProtNFe));

    // handWritten: the builder refuses a key without tpEmis 4, so that EPEC is written by hand from a valid one.
    private async Task<SoapReply> SendEpecAsync(EpecData data, bool handWritten = false)
    {
        var asEpec = Tss.Protocol.AccessKeys.AccessKey.Build(Tss.Protocol.AccessKeys.AccessKey.Parse(data.ChNFe).Parts with { tpEmis = 4 }).Value;
        var evento = handWritten
            ? NfeRequests.Epec(data with { ChNFe = asEpec }, Now, "SIM-TESTE").Replace(asEpec, data.ChNFe, StringComparison.Ordinal)
            : NfeRequests.Epec(data, Now, "SIM-TESTE");
        var signed = new XmlDsigSigner(TestPki.Signer).Sign(evento, "infEvento");
        var reply = await simulator.PostAsync(Payloads.Envelope("NFeRecepcaoEvento4", NfeRequests.EnvEvento(1, [signed])));
        if (reply.Status == HttpStatusCode.OK)
        {
            SimulatorFixture.AssertValidAnswer(reply);
        }
        return reply;
    }

    private static int? EventStatus(SoapReply reply) =>
        reply.Ret.GetElementsByTagName("retEvento", Payloads.Nfe).OfType<XmlElement>().SingleOrDefault() is { } ret
            ? int.Parse(ret.GetElementsByTagName("cStat", Payloads.Nfe)[0]!.InnerText, System.Globalization.CultureInfo.InvariantCulture)
            : null;
}
