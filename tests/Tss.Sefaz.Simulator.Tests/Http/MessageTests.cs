using System.Net;

namespace Tss.Sefaz.Simulator.Tests.Http;

public class MessageTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    [Fact]
    public async Task Message_over_500_kb_is_answered_214_in_the_service_answer()
    {
        var padding = $"<soap:Header><pad xmlns=\"urn:pad\">{new string('x', 520_000)}</pad></soap:Header>";
        var reply = await simulator.PostAsync(Payloads.Envelope("NFeStatusServico4", Payloads.ConsStatServ(), padding));
        SimulatorFixture.AssertValidAnswer(reply);
        Assert.Equal(214, reply.cStat);
        Assert.Equal("retConsStatServ", reply.Ret.LocalName);
    }

    [Fact]
    public async Task Message_with_a_dtd_is_refused_with_a_soap_fault_and_no_file_is_read()
    {
        var secret = Path.GetTempFileName();
        var marker = Guid.NewGuid().ToString("N");
        await File.WriteAllTextAsync(secret, marker, TestContext.Current.CancellationToken);
        try
        {
            var envelope = $"<!DOCTYPE soap:Envelope [<!ENTITY leak SYSTEM \"file://{secret}\">]>"
                + Payloads.Envelope("NFeStatusServico4", $"<consStatServ xmlns=\"{Payloads.Nfe}\" versao=\"4.00\"><tpAmb>2</tpAmb><cUF>35</cUF><xServ>&leak;</xServ></consStatServ>");
            var reply = await simulator.PostAsync(envelope);

            Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
            Assert.Contains("soap:Sender", reply.Body, StringComparison.Ordinal);
            Assert.Contains("xml.dtd_prohibited", reply.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(marker, reply.Body, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public async Task Body_that_is_not_xml_is_refused_with_a_soap_fault()
    {
        var reply = await simulator.PostAsync("this is not xml");
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains("xml.malformed", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_payload_root_is_refused_with_a_soap_fault()
    {
        var reply = await simulator.PostAsync(Payloads.Envelope("NFeX", $"<consFoo xmlns=\"{Payloads.Nfe}\" versao=\"4.00\"/>"));
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains("xml.unexpected_root", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Header_and_any_action_are_accepted()
    {
        var header = "<soap:Header><nfeCabecMsg xmlns=\"http://www.portalfiscal.inf.br/nfe/wsdl/NFeStatusServico4\"><cUF>35</cUF></nfeCabecMsg></soap:Header>";
        var reply = await simulator.PostAsync(Payloads.Envelope("NFeStatusServico4", Payloads.ConsStatServ(), header));
        SimulatorFixture.AssertValidAnswer(reply);
        Assert.Equal(107, reply.cStat);
        Assert.Contains("<nfeResultMsg xmlns=\"http://www.portalfiscal.inf.br/nfe/wsdl/NFeStatusServico4\"><retConsStatServ xmlns=\"http://www.portalfiscal.inf.br/nfe\" versao=\"4.00\">", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_for_another_environment_is_answered_252()
    {
        var reply = await simulator.CallAsync("NFeStatusServico4", Payloads.ConsStatServ(tpAmb: 1));
        Assert.Equal(252, reply.cStat);
    }

    [Fact]
    public async Task Unknown_receipt_is_answered_106()
    {
        var reply = await simulator.CallAsync("NFeRetAutorizacao4", Payloads.ConsReciNFe("351000000999999"));
        Assert.Equal(106, reply.cStat);
        Assert.Equal("351000000999999", reply.Text("nRec"));
    }

    [Fact]
    public async Task Unknown_key_is_answered_217_and_a_key_with_a_wrong_check_digit_236()
    {
        const string key = "35251111222333000181550010000000011123456780";
        var valid = key[..43] + Tss.Protocol.AccessKeys.AccessKey.ComputeCheckDigit(key.AsSpan(0, 43));
        var wrong = key[..43] + ((Tss.Protocol.AccessKeys.AccessKey.ComputeCheckDigit(key.AsSpan(0, 43)) + 1) % 10);

        Assert.Equal(217, (await simulator.CallAsync("NFeConsultaProtocolo4", Payloads.ConsSitNFe(valid))).cStat);
        Assert.Equal(236, (await simulator.CallAsync("NFeConsultaProtocolo4", Payloads.ConsSitNFe(wrong))).cStat);
    }

    [Fact]
    public async Task Zipped_lot_that_does_not_decompress_is_answered_416()
    {
        var reply = await simulator.PostAsync(Payloads.ZippedEnvelope("bm90IGd6aXA=", compress: false));
        SimulatorFixture.AssertValidAnswer(reply);
        Assert.Equal(416, reply.cStat);
    }
}
