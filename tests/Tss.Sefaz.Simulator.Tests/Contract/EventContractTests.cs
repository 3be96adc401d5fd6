using System.Security.Cryptography.X509Certificates;
using System.Xml;
using Microsoft.Extensions.Options;
using Tss.Protocol.Messages;
using Tss.Protocol.Schemas;
using Tss.Protocol.Signing;
using Tss.Protocol.Xml;
using Tss.Sefaz.Client;
using Tss.Sefaz.Simulator.Tests.Http;

namespace Tss.Sefaz.Simulator.Tests.Contract;

/// <summary>
/// Events, inutilização and cadastro: our real SefazClient and the Protocol builders against the running simulator over
/// real mutual TLS, through the full life of an NF-e and through each refusal rule.
/// </summary>
public sealed class EventContractTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>, IAsyncLifetime
{
    private static readonly SefazTarget Sp = new("SP", 55, 2);
    private static readonly TimeSpan Brasilia = TimeSpan.FromHours(-3);
    private SefazClient _client = null!;
    private string _anchor = null!;
    private int _nextNumber = 1000;

    public async ValueTask InitializeAsync()
    {
        await simulator.ResetAsync();
        _anchor = Path.Combine(Path.GetTempPath(), $"tss-events-ca-{Guid.NewGuid():N}.crt");
        TestPki.Ca.ExportCaPem(_anchor);
        var options = Options.Create(new SefazClientOptions { BaseUrlOverride = simulator.SoapUri, TrustAnchorPath = _anchor });
        _client = new SefazClient(new SefazEndpoints(options), options);
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        File.Delete(_anchor);
        return ValueTask.CompletedTask;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DateTimeOffset Now => simulator.Time.GetUtcNow().ToOffset(Brasilia);

    [Fact]
    public async Task Authorize_then_correct_twice_then_cancel_and_the_consultation_shows_101_with_three_events()
    {
        var (chNFe, nProt) = await AuthorizeAsync();

        var first = await SendAsync(NfeRequests.TpEventoCartaCorrecao, Correction(chNFe, 1, "Correção do endereço de entrega: Rua B, 20"));
        simulator.Time.Advance(TimeSpan.FromMinutes(10));
        var second = await SendAsync(NfeRequests.TpEventoCartaCorrecao, Correction(chNFe, 2, "Correção do endereço de entrega: Rua B, 20; peso bruto 12,5 kg"));
        simulator.Time.Advance(TimeSpan.FromMinutes(10));
        var cancelEvento = Cancel(chNFe, nProt);
        var cancel = await SendAsync(NfeRequests.TpEventoCancelamento, cancelEvento);
        var consult = await _client.ConsultarProtocoloAsync(Sp, TestPki.Transmitter, chNFe, Ct);

        Assert.All(new[] { first, second, cancel }, ret => Assert.Equal(128, ret.cStat));
        Assert.Equal([135, 135, 135], new[] { first, second, cancel }.Select(r => Assert.Single(r.retEvento).cStat));
        var registered = Assert.Single(cancel.retEvento);
        Assert.Equal(("110111", 1, chNFe), (registered.tpEvento, registered.nSeqEvento, registered.chNFe));
        Assert.Matches("^[0-9]{15}$", registered.nProt);

        Assert.Equal(101, consult.cStat);
        Assert.Equal("Cancelamento de NF-e homologado", consult.xMotivo);
        Assert.Equal(nProt, consult.protNFe?.nProt);
        Assert.Equal(3, consult.procEventoNFeXml.Count);
        Assert.Equal(["110110", "110110", "110111"], consult.procEventoNFeXml.Select(p => Field(p, "tpEvento")));
        Assert.All(consult.procEventoNFeXml, proc =>
        {
            var validation = NfeSchemas.Shared.Validate(proc);
            Assert.True(validation.IsValid, string.Join("; ", validation.Errors.Select(e => e.Message)));
            var infEvento = (XmlElement)SafeXml.Load(proc).GetElementsByTagName("infEvento", NfeNamespaces.Nfe)[0]!;
            Assert.True(SignatureVerifier.Verify(infEvento).IsValid);
        });

        var recorded = await simulator.GetAsync<List<Admin.EventView>>($"/admin/events/{chNFe}");
        Assert.Equal([1, 2, 1], recorded.Select(e => e.nSeqEvento));

        // What the client stores: the procEventoNFe built from its own signed event and SEFAZ's retEvento.
        var proc = NfeProcs.ProcEventoNFe(cancelEvento, registered.Xml);
        Assert.True(NfeSchemas.Shared.Validate(proc).IsValid);
    }

    [Fact]
    public async Task Two_corrections_in_one_lot_are_registered_in_sequence()
    {
        var (chNFe, _) = await AuthorizeAsync();

        var ret = await SendAsync(NfeRequests.TpEventoCartaCorrecao,
            Correction(chNFe, 1, "Primeira correção do texto complementar"), Correction(chNFe, 2, "Segunda correção, repete a primeira e acrescenta"));

        Assert.Equal([135, 135], ret.retEvento.Select(e => e.cStat));
        Assert.Equal([1, 2], ret.retEvento.Select(e => e.nSeqEvento!.Value));
        Assert.NotEqual(ret.retEvento[0].nProt, ret.retEvento[1].nProt);
    }

    [Fact]
    public async Task Event_for_a_key_the_simulator_never_authorized_is_494()
    {
        var chNFe = Payloads.KeyOf(Payloads.SignedNfe(simulator.Time, NextNumber()));

        Assert.Equal(494, await EventStatusAsync(NfeRequests.TpEventoCartaCorrecao, Correction(chNFe, 1, "Correção de uma nota que não existe")));
    }

    [Fact]
    public async Task Event_by_another_company_is_574_and_a_signer_of_another_company_is_213()
    {
        var (chNFe, nProt) = await AuthorizeAsync();
        var byOther = NfeRequests.CartaCorrecao(35, 2, TestPki.TransmitterCnpj, chNFe, Now, 1, "Correção enviada por outra empresa");

        Assert.Equal(574, await EventStatusAsync(NfeRequests.TpEventoCartaCorrecao, Sign(byOther, TestPki.Transmitter)));
        Assert.Equal(213, await EventStatusAsync(NfeRequests.TpEventoCancelamento, Cancel(chNFe, nProt, signer: TestPki.Transmitter)));
    }

    [Fact]
    public async Task Event_altered_after_signing_is_297()
    {
        var (chNFe, _) = await AuthorizeAsync();
        var tampered = Correction(chNFe, 1, "Correção original assinada pelo emitente").Replace("original", "alterada", StringComparison.Ordinal);

        Assert.Equal(297, await EventStatusAsync(NfeRequests.TpEventoCartaCorrecao, tampered));
    }

    [Fact]
    public async Task Same_correction_sequence_twice_is_573_and_a_skipped_sequence_is_594()
    {
        var (chNFe, _) = await AuthorizeAsync();
        Assert.Equal(135, await EventStatusAsync(NfeRequests.TpEventoCartaCorrecao, Correction(chNFe, 1, "Primeira correção do texto complementar")));

        Assert.Equal(573, await EventStatusAsync(NfeRequests.TpEventoCartaCorrecao, Correction(chNFe, 1, "Outra correção com a mesma sequência")));
        Assert.Equal(594, await EventStatusAsync(NfeRequests.TpEventoCartaCorrecao, Correction(chNFe, 3, "Correção que pula a sequência dois")));
    }

    [Fact]
    public async Task Cancellation_after_the_deadline_on_the_simulator_clock_is_501()
    {
        var (chNFe, nProt) = await AuthorizeAsync();
        simulator.Time.Advance(simulator.Options.CancelDeadline + TimeSpan.FromSeconds(1));

        Assert.Equal(501, await EventStatusAsync(NfeRequests.TpEventoCancelamento, Cancel(chNFe, nProt)));
    }

    [Fact]
    public async Task Cancellation_just_inside_the_deadline_is_registered()
    {
        var (chNFe, nProt) = await AuthorizeAsync();
        simulator.Time.Advance(simulator.Options.CancelDeadline - TimeSpan.FromSeconds(5));

        Assert.Equal(135, await EventStatusAsync(NfeRequests.TpEventoCancelamento, Cancel(chNFe, nProt)));
    }

    [Fact]
    public async Task Cancellation_with_another_protocol_is_222()
    {
        var (chNFe, _) = await AuthorizeAsync();

        Assert.Equal(222, await EventStatusAsync(NfeRequests.TpEventoCancelamento, Cancel(chNFe, "135260000000001")));
    }

    [Fact]
    public async Task Cancelled_NFe_refuses_a_second_cancellation_and_a_correction()
    {
        var (chNFe, nProt) = await AuthorizeAsync();
        Assert.Equal(135, await EventStatusAsync(NfeRequests.TpEventoCancelamento, Cancel(chNFe, nProt)));

        Assert.Equal(573, await EventStatusAsync(NfeRequests.TpEventoCancelamento, Cancel(chNFe, nProt, xJust: "Mesmo cancelamento enviado outra vez")));
        Assert.Equal(420, await EventStatusAsync(NfeRequests.TpEventoCancelamento, Cancel(chNFe, nProt, nSeqEvento: 2)));
        Assert.Equal(580, await EventStatusAsync(NfeRequests.TpEventoCartaCorrecao, Correction(chNFe, 1, "Correção depois do cancelamento")));
    }

    [Fact]
    public async Task Lot_mixing_orgaos_is_refused_477_without_event_answers()
    {
        var (chNFe, nProt) = await AuthorizeAsync();
        var otherOrgao = Sign(NfeRequests.CartaCorrecao(43, 2, TestPki.EmitterCnpj, chNFe, Now, 1, "Correção enviada ao órgão errado"), TestPki.Signer);

        var ret = await SendAsync(NfeRequests.TpEventoCancelamento, Cancel(chNFe, nProt), otherOrgao);

        Assert.Equal(477, ret.cStat);
        Assert.Empty(ret.retEvento);
    }

    [Fact]
    public async Task Voided_range_is_homologated_102_and_then_refuses_an_NFe_numbered_inside_it_206()
    {
        var signed = Sign(NfeRequests.InutNFe(2, 35, Now.Year % 100, TestPki.EmitterCnpj, 55, 1, 5000, 5010, "Numeração pulada por falha do sistema"), TestPki.Signer, "infInut");

        var ret = await _client.InutilizacaoAsync(Sp, TestPki.Transmitter, signed, Ct);
        var nfe = Payloads.SignedNfe(simulator.Time, 5005);
        var lot = await _client.AutorizarAsync(Sp, TestPki.Transmitter, NfeRequests.EnviNFe(1, true, [nfe]), Ct);

        Assert.Equal(102, ret.cStat);
        Assert.Matches("^[0-9]{15}$", ret.nProt);
        Assert.Equal((5000, 5010), (ret.nNFIni, ret.nNFFin));
        Assert.True(NfeSchemas.Shared.Validate(NfeProcs.ProcInutNFe(signed, ret.Xml)).IsValid);
        Assert.Equal(206, lot.protNFe?.cStat);
        Assert.Equal(ret.nProt, Assert.Single(await simulator.GetAsync<List<Authorizations.VoidedRange>>("/admin/voided")).nProt);
        Assert.Equal(217, (await _client.ConsultarProtocoloAsync(Sp, TestPki.Transmitter, Payloads.KeyOf(nfe), Ct)).cStat);
    }

    [Fact]
    public async Task Voiding_again_is_563_overlapping_is_256_and_a_range_holding_a_used_number_is_241()
    {
        await AuthorizeAsync(6003);
        Assert.Equal(102, await InutAsync(6100, 6110));

        Assert.Equal(563, await InutAsync(6100, 6110));
        Assert.Equal(256, await InutAsync(6105, 6120));
        Assert.Equal(241, await InutAsync(6000, 6005));
    }

    [Fact]
    public async Task Voiding_a_range_above_the_limit_is_201_and_a_future_year_is_453()
    {
        Assert.Equal(201, await InutAsync(1, simulator.Options.MaxVoidRange + 1));
        Assert.Equal(453, await InutAsync(7000, 7001, ano: (Now.Year + 1) % 100));
    }

    [Fact]
    public async Task Registry_knows_the_emitter_of_authorized_NFe_and_no_one_else()
    {
        await AuthorizeAsync();

        var emitter = await _client.ConsultaCadastroAsync(Sp, TestPki.Transmitter, cnpj: TestPki.EmitterCnpj, ct: Ct);
        var stranger = await _client.ConsultaCadastroAsync(Sp, TestPki.Transmitter, cnpj: TestPki.TransmitterCnpj, ct: Ct);
        var byIe = await _client.ConsultaCadastroAsync(Sp, TestPki.Transmitter, ie: "110042490114", ct: Ct);
        var otherUf = await _client.ConsultaCadastroAsync(Sp with { Uf = "MG" }, TestPki.Transmitter, cnpj: TestPki.EmitterCnpj, ct: Ct);

        Assert.Equal(111, emitter.cStat);
        Assert.Equal((TestPki.EmitterCnpj, "SP", 1), (Assert.Single(emitter.infCad).CNPJ, emitter.infCad[0].UF, emitter.infCad[0].cSit));
        Assert.Equal(259, stranger.cStat);
        Assert.Empty(stranger.infCad);
        Assert.Equal(261, byIe.cStat);
        Assert.Equal(259, otherUf.cStat);
    }

    private int NextNumber() => Interlocked.Increment(ref _nextNumber);

    private async Task<(string ChNFe, string NProt)> AuthorizeAsync(int? nNF = null)
    {
        var nfe = Payloads.SignedNfe(simulator.Time, nNF ?? NextNumber());
        var ret = await _client.AutorizarAsync(Sp, TestPki.Transmitter, NfeRequests.EnviNFe(Random.Shared.NextInt64(1, 999_999_999), true, [nfe]), Ct);
        var prot = Assert.IsType<ProtNFe>(ret.protNFe);
        Assert.Equal(100, prot.cStat);
        return (prot.chNFe, prot.nProt!);
    }

    private string Correction(string chNFe, int nSeqEvento, string xCorrecao) =>
        Sign(NfeRequests.CartaCorrecao(35, 2, TestPki.EmitterCnpj, chNFe, Now, nSeqEvento, xCorrecao), TestPki.Signer);

    private string Cancel(string chNFe, string nProt, int nSeqEvento = 1, X509Certificate2? signer = null,
        string xJust = "Pedido cancelado pelo cliente antes da saída") =>
        Sign(NfeRequests.Cancelamento(35, 2, TestPki.EmitterCnpj, chNFe, Now, nProt, xJust, nSeqEvento), signer ?? TestPki.Signer);

    private static string Sign(string xml, X509Certificate2 signer, string element = "infEvento")
    {
        using var dsig = new XmlDsigSigner(signer);
        return dsig.Sign(xml, element);
    }

    private Task<RetEnvEvento> SendAsync(string tpEvento, params string[] signedEventos) =>
        _client.RecepcaoEventoAsync(Sp, TestPki.Transmitter, tpEvento, NfeRequests.EnvEvento(Random.Shared.NextInt64(1, 999_999), signedEventos), Ct);

    private async Task<int> EventStatusAsync(string tpEvento, string signedEvento)
    {
        var ret = await SendAsync(tpEvento, signedEvento);
        Assert.Equal(128, ret.cStat);
        return Assert.Single(ret.retEvento).cStat;
    }

    private async Task<int> InutAsync(int ini, int fin, int? ano = null)
    {
        var signed = Sign(NfeRequests.InutNFe(2, 35, ano ?? Now.Year % 100, TestPki.EmitterCnpj, 55, 1, ini, fin, "Numeração pulada por falha do sistema"), TestPki.Signer, "infInut");
        return (await _client.InutilizacaoAsync(Sp, TestPki.Transmitter, signed, Ct)).cStat;
    }

    private static string Field(string xml, string name) =>
        SafeXml.Load(xml).GetElementsByTagName(name, NfeNamespaces.Nfe)[0]!.InnerText;
}
