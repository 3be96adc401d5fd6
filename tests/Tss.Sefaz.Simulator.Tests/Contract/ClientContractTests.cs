using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using Tss.Protocol.Messages;
using Tss.Sefaz.Client;
using Tss.Sefaz.Simulator.Faults;
using Tss.Sefaz.Simulator.Tests.Http;

namespace Tss.Sefaz.Simulator.Tests.Contract;

/// <summary>
/// The contract suite: our real SefazClient against the running simulator over real mutual TLS, through every cStat
/// path the pipeline reacts to, faults included. What the simulator recorded is asserted alongside what the client saw.
/// </summary>
public sealed class ClientContractTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>, IAsyncLifetime
{
    private static readonly SefazTarget Sp = new("SP", 55, 2);
    private SefazClient _client = null!;
    private string _anchor = null!;

    public async ValueTask InitializeAsync()
    {
        await simulator.ResetAsync();
        _anchor = Path.Combine(Path.GetTempPath(), $"tss-contract-ca-{Guid.NewGuid():N}.crt");
        TestPki.Ca.ExportCaPem(_anchor);
        var options = Options.Create(new SefazClientOptions
        {
            BaseUrlOverride = simulator.SoapUri,
            TrustAnchorPath = _anchor,
            ReadTimeout = TimeSpan.FromSeconds(3),
            ConnectTimeout = TimeSpan.FromSeconds(3),
        });
        _client = new SefazClient(new SefazEndpoints(options), options);
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        File.Delete(_anchor);
        return ValueTask.CompletedTask;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Nfe(int nNF) => Payloads.SignedNfe(simulator.Time, nNF);

    private Task<RetEnviNFe> SendAsync(bool sync, params string[] nfe) =>
        _client.AutorizarAsync(Sp, TestPki.Transmitter, NfeRequests.EnviNFe(Random.Shared.NextInt64(1, 999_999_999), sync, nfe), Ct);

    private async Task FaultAsync(FaultSpec fault)
    {
        using var response = await simulator.Admin.PostAsJsonAsync(new Uri("/admin/faults", UriKind.Relative), fault, AdminJson.Options, Ct);
        response.EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Status_service_answers_107_in_operation()
    {
        var ret = await _client.StatusServicoAsync(Sp, TestPki.Transmitter, Ct);
        Assert.Equal(107, ret.cStat);
        Assert.Equal(35, ret.cUF);
        Assert.Equal(2, ret.tpAmb);
    }

    [Fact]
    public async Task Paralysed_authorizer_answers_108_until_the_window_is_cleared()
    {
        await FaultAsync(new FaultSpec { Kind = FaultKind.Paralysis, cStat = 108 });
        Assert.Equal(108, (await _client.StatusServicoAsync(Sp, TestPki.Transmitter, Ct)).cStat);
        Assert.Equal(108, (await SendAsync(true, Nfe(1))).cStat);
        (await simulator.Admin.DeleteAsync(new Uri("/admin/faults", UriKind.Relative), Ct)).EnsureSuccessStatusCode();
        Assert.Equal(107, (await _client.StatusServicoAsync(Sp, TestPki.Transmitter, Ct)).cStat);
    }

    [Fact]
    public async Task Synchronous_lot_is_authorized_at_once_and_the_consultation_returns_the_same_protocol()
    {
        var nfe = Nfe(10);
        var ret = await SendAsync(true, nfe);
        Assert.Equal(104, ret.cStat);
        var prot = Assert.IsType<ProtNFe>(ret.protNFe);
        Assert.Equal(100, prot.cStat);
        Assert.Equal(Payloads.DigestOf(nfe), prot.digVal);

        var consult = await _client.ConsultarProtocoloAsync(Sp, TestPki.Transmitter, Payloads.KeyOf(nfe), Ct);
        Assert.Equal(100, consult.cStat);
        Assert.Equal(prot.nProt, consult.protNFe?.nProt);
    }

    [Fact]
    public async Task Asynchronous_lot_goes_103_then_105_then_104_with_one_protocol_per_document()
    {
        var docs = new[] { Nfe(20), Nfe(21), Nfe(22) };
        var ret = await SendAsync(false, docs);
        Assert.Equal(103, ret.cStat);
        Assert.Matches("^[0-9]{15}$", ret.nRec);
        Assert.NotNull(ret.tMed);

        Assert.Equal(105, (await _client.ConsultarReciboAsync(Sp, TestPki.Transmitter, ret.nRec!, Ct)).cStat);
        simulator.Time.Advance(TimeSpan.FromSeconds(ret.tMed!.Value + 1));
        var processed = await _client.ConsultarReciboAsync(Sp, TestPki.Transmitter, ret.nRec!, Ct);
        Assert.Equal(104, processed.cStat);
        Assert.Equal(docs.Select(Payloads.KeyOf), processed.protNFe.Select(p => p.chNFe));
        Assert.All(processed.protNFe, p => Assert.Equal(100, p.cStat));
    }

    [Fact]
    public async Task Unknown_receipt_answers_106()
    {
        var ret = await _client.ConsultarReciboAsync(Sp, TestPki.Transmitter, "351000000999999", Ct);
        Assert.Equal(106, ret.cStat);
    }

    [Fact]
    public async Task Unknown_key_answers_217()
    {
        var key = Payloads.KeyOf(Nfe(30));
        Assert.Equal(217, (await _client.ConsultarProtocoloAsync(Sp, TestPki.Transmitter, key, Ct)).cStat);
    }

    [Fact]
    public async Task Same_document_sent_twice_answers_204_and_is_authorized_once()
    {
        var nfe = Nfe(40);
        Assert.Equal(100, (await SendAsync(true, nfe)).protNFe?.cStat);
        var again = await SendAsync(true, nfe);
        Assert.Equal(204, again.protNFe?.cStat);
        var record = await simulator.GetAsync<List<AuthorizationView>>("/admin/authorizations");
        Assert.Equal(1, Assert.Single(record, a => a.chNFe == Payloads.KeyOf(nfe)).TimesAuthorized);
    }

    [Fact]
    public async Task Document_altered_after_signing_is_rejected_297()
    {
        var nfe = Nfe(50).Replace("<natOp>", "<natOp>X", StringComparison.Ordinal);
        Assert.Equal(297, (await SendAsync(true, nfe)).protNFe?.cStat);
    }

    [Fact]
    public async Task Forced_rejection_reaches_the_client_as_the_documents_cStat()
    {
        await FaultAsync(new FaultSpec { Kind = FaultKind.Rejection, cStat = 302, Count = 1 });
        var prot = (await SendAsync(true, Nfe(60))).protNFe;
        Assert.Equal(302, prot?.cStat);
    }

    [Fact]
    public async Task Http_error_before_processing_is_a_typed_error_and_nothing_was_authorized()
    {
        await FaultAsync(new FaultSpec { Kind = FaultKind.HttpError, StatusCode = 503, Count = 1 });
        var nfe = Nfe(70);
        var e = await Assert.ThrowsAsync<SefazException>(() => SendAsync(true, nfe));
        Assert.Equal(SefazErrorCode.HttpStatus, e.Code);
        Assert.Equal(503, e.HttpStatus);
        Assert.Equal(217, (await _client.ConsultarProtocoloAsync(Sp, TestPki.Transmitter, Payloads.KeyOf(nfe), Ct)).cStat);
    }

    [Fact]
    public async Task Lost_answer_after_processing_is_outcome_unknown_and_reconciles_to_the_authorization()
    {
        await FaultAsync(new FaultSpec { Kind = FaultKind.HttpError, Phase = FaultPhase.After, StatusCode = 502, Count = 1 });
        var nfe = Nfe(80);
        var e = await Assert.ThrowsAsync<SefazException>(() => SendAsync(true, nfe));
        Assert.True(e.OutcomeUnknown);
        var consult = await _client.ConsultarProtocoloAsync(Sp, TestPki.Transmitter, Payloads.KeyOf(nfe), Ct);
        Assert.Equal(100, consult.cStat);
        Assert.Equal(Payloads.DigestOf(nfe), consult.protNFe?.digVal);
    }

    [Fact]
    public async Task Timeout_is_outcome_unknown()
    {
        await FaultAsync(new FaultSpec { Kind = FaultKind.Timeout, TimeoutSeconds = 10, Count = 1, Service = "consStatServ" });
        var e = await Assert.ThrowsAsync<SefazException>(() => _client.StatusServicoAsync(Sp, TestPki.Transmitter, Ct));
        Assert.Equal(SefazErrorCode.Timeout, e.Code);
        Assert.True(e.OutcomeUnknown);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("html")]
    public async Task Malformed_answer_is_a_typed_error(string kind)
    {
        await FaultAsync(new FaultSpec { Kind = FaultKind.Malformed, Malformed = kind, Count = 1, Service = "consStatServ" });
        var e = await Assert.ThrowsAsync<SefazException>(() => _client.StatusServicoAsync(Sp, TestPki.Transmitter, Ct));
        Assert.Equal(SefazErrorCode.MalformedResponse, e.Code);
    }

    [Fact]
    public async Task Client_that_does_not_trust_the_simulator_fails_the_handshake()
    {
        var options = Options.Create(new SefazClientOptions { BaseUrlOverride = simulator.SoapUri });
        using var untrusting = new SefazClient(new SefazEndpoints(options), options);
        var e = await Assert.ThrowsAsync<SefazException>(() => untrusting.StatusServicoAsync(Sp, TestPki.Transmitter, Ct));
        Assert.Equal(SefazErrorCode.TlsFailure, e.Code);
    }

    /// <summary>The part of the simulator's authorization record these tests read.</summary>
    private sealed record AuthorizationView(string chNFe, int TimesAuthorized);
}
