using Tss.Sefaz.Simulator.Admin;

namespace Tss.Sefaz.Simulator.Tests.Http;

public class AuthorizationTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    private static int _nNF = 1000;

    private static int NextNumber() => Interlocked.Increment(ref _nNF);

    [Fact]
    public async Task Signed_nfe_is_authorized_synchronously_and_consulted_with_the_same_protocol()
    {
        var nfe = Payloads.SignedNfe(simulator.Time, NextNumber());
        var reply = await simulator.CallAsync("NFeAutorizacao4", Payloads.EnviNFe(true, nfe));

        Assert.Equal(104, reply.cStat);
        var prot = Assert.Single(reply.ProtNFe);
        Assert.Equal(100, SoapReply.Stat(prot));
        Assert.Equal(Payloads.KeyOf(nfe), SoapReply.Field(prot, "chNFe"));
        Assert.Equal(Payloads.DigestOf(nfe), SoapReply.Field(prot, "digVal"));
        var nProt = SoapReply.Field(prot, "nProt");
        Assert.Matches("^1[0-9]{14}$", nProt);

        var consult = await simulator.CallAsync("NFeConsultaProtocolo4", Payloads.ConsSitNFe(Payloads.KeyOf(nfe)));
        Assert.Equal(100, consult.cStat);
        Assert.Equal(nProt, SoapReply.Field(Assert.Single(consult.ProtNFe), "nProt"));
    }

    [Fact]
    public async Task Async_lot_goes_from_103_to_105_to_104()
    {
        var first = Payloads.SignedNfe(simulator.Time, NextNumber());
        var second = Payloads.SignedNfe(simulator.Time, NextNumber());
        var sent = await simulator.CallAsync("NFeAutorizacao4", Payloads.EnviNFe(false, first, second));
        Assert.Equal(103, sent.cStat);
        var nRec = sent.Text("nRec")!;
        Assert.Equal("1", sent.Text("tMed"));

        simulator.Time.Advance(TimeSpan.FromSeconds(0.5));
        Assert.Equal(105, (await simulator.CallAsync("NFeRetAutorizacao4", Payloads.ConsReciNFe(nRec))).cStat);
        Assert.Equal(217, (await simulator.CallAsync("NFeConsultaProtocolo4", Payloads.ConsSitNFe(Payloads.KeyOf(first)))).cStat);

        simulator.Time.Advance(TimeSpan.FromSeconds(1));
        var done = await simulator.CallAsync("NFeRetAutorizacao4", Payloads.ConsReciNFe(nRec));
        Assert.Equal(104, done.cStat);
        Assert.Equal([Payloads.KeyOf(first), Payloads.KeyOf(second)], done.ProtNFe.Select(p => SoapReply.Field(p, "chNFe")));
        Assert.All(done.ProtNFe, p => Assert.Equal(100, SoapReply.Stat(p)));

        var lot = await simulator.GetAsync<Tss.Sefaz.Simulator.Lots.LotView>($"/admin/lots/{nRec}");
        Assert.Equal(2, lot.Results.Count);
        Assert.NotNull(lot.ProcessedAt);
    }

    [Fact]
    public async Task Single_nfe_sent_asynchronously_is_refused_with_452()
    {
        var reply = await simulator.CallAsync("NFeAutorizacao4", Payloads.EnviNFe(false, Payloads.SignedNfe(simulator.Time, NextNumber())));
        Assert.Equal(452, reply.cStat);
        Assert.Empty(reply.ProtNFe);
    }

    [Fact]
    public async Task Document_altered_after_signing_is_rejected_297()
    {
        var nfe = Payloads.SignedNfe(simulator.Time, NextNumber());
        var tampered = nfe.Replace("<natOp>", "<natOp>X", StringComparison.Ordinal);
        Assert.NotEqual(nfe, tampered);
        var reply = await simulator.CallAsync("NFeAutorizacao4", Payloads.EnviNFe(true, tampered));
        Assert.Equal(297, SoapReply.Stat(Assert.Single(reply.ProtNFe)));
    }

    [Fact]
    public async Task Key_with_a_wrong_check_digit_is_rejected_in_its_protocol()
    {
        var nfe = Payloads.SignedNfe(simulator.Time, NextNumber(), edit: xml =>
        {
            var key = Payloads.KeyOf(xml);
            var wrong = key[..43] + (char)('0' + ((key[43] - '0' + 1) % 10));
            return xml.Replace("NFe" + key, "NFe" + wrong, StringComparison.Ordinal);
        });
        var reply = await simulator.CallAsync("NFeAutorizacao4", Payloads.EnviNFe(true, nfe));
        Assert.Contains(SoapReply.Stat(Assert.Single(reply.ProtNFe)), new[] { 236, 502 });
    }

    [Fact]
    public async Task Homologation_nfe_with_another_recipient_name_is_rejected_598()
    {
        var nfe = Payloads.SignedNfe(simulator.Time, NextNumber(),
            edit: xml => xml.Replace(Payloads.HomologationName, "CLIENTE REAL LTDA", StringComparison.Ordinal));
        var reply = await simulator.CallAsync("NFeAutorizacao4", Payloads.EnviNFe(true, nfe));
        Assert.Equal(598, SoapReply.Stat(Assert.Single(reply.ProtNFe)));
    }

    [Fact]
    public async Task Nfe_signed_by_another_company_is_rejected_213()
    {
        using var other = TestPki.Ca.IssueECnpj("11444777000161", "OUTRA EMPRESA LTDA");
        var nfe = Payloads.SignedNfe(simulator.Time, NextNumber(), signer: other);
        var reply = await simulator.CallAsync("NFeAutorizacao4", Payloads.EnviNFe(true, nfe));
        Assert.Equal(213, SoapReply.Stat(Assert.Single(reply.ProtNFe)));
    }

    [Fact]
    public async Task Nfe_signed_with_an_expired_certificate_is_rejected_291()
    {
        var now = DateTimeOffset.UtcNow;
        using var expired = TestPki.Ca.IssueECnpj(TestPki.EmitterCnpj, "EMITENTE VENCIDO", now.AddYears(-2), now.AddDays(-1));
        var nfe = Payloads.SignedNfe(simulator.Time, NextNumber(), signer: expired);
        var reply = await simulator.CallAsync("NFeAutorizacao4", Payloads.EnviNFe(true, nfe));
        Assert.Equal(291, SoapReply.Stat(Assert.Single(reply.ProtNFe)));
    }

    [Fact]
    public async Task Nfe_for_another_environment_refuses_the_lot_with_252()
    {
        var nfe = Payloads.SignedNfe(simulator.Time, NextNumber(), tpAmb: 1);
        var reply = await simulator.CallAsync("NFeAutorizacao4", Payloads.EnviNFe(true, nfe));
        Assert.Equal(252, reply.cStat);
    }

    [Fact]
    public async Task Lot_that_breaks_the_schema_is_refused_with_225()
    {
        var reply = await simulator.CallAsync("NFeAutorizacao4", $"<enviNFe xmlns=\"{Payloads.Nfe}\" versao=\"4.00\"><idLote>1</idLote><indSinc>1</indSinc></enviNFe>");
        Assert.Equal(225, reply.cStat);
    }

    [Fact]
    public async Task Sending_the_same_nfe_twice_answers_204_and_authorizes_it_once()
    {
        var nfe = Payloads.SignedNfe(simulator.Time, NextNumber());
        var first = await simulator.CallAsync("NFeAutorizacao4", Payloads.EnviNFe(true, nfe));
        var again = await simulator.CallAsync("NFeAutorizacao4", Payloads.EnviNFe(true, nfe));

        Assert.Equal(100, SoapReply.Stat(Assert.Single(first.ProtNFe)));
        var duplicity = Assert.Single(again.ProtNFe);
        Assert.Equal(204, SoapReply.Stat(duplicity));
        Assert.StartsWith("Rejeição: Duplicidade de NF-e [nRec:", SoapReply.Field(duplicity, "xMotivo"), StringComparison.Ordinal);

        var authorizations = await simulator.GetAsync<List<AuthorizationView>>("/admin/authorizations");
        var record = Assert.Single(authorizations, a => a.chNFe == Payloads.KeyOf(nfe));
        Assert.Equal(1, record.TimesAuthorized);
        Assert.Equal(Payloads.DigestOf(nfe), record.digVal);
    }

    [Fact]
    public async Task Zipped_lot_is_authorized_like_a_plain_one()
    {
        var nfe = Payloads.SignedNfe(simulator.Time, NextNumber());
        var reply = await simulator.PostAsync(Payloads.ZippedEnvelope(Payloads.EnviNFe(true, nfe)));
        SimulatorFixture.AssertValidAnswer(reply);
        Assert.Equal(100, SoapReply.Stat(Assert.Single(reply.ProtNFe)));
    }
}
