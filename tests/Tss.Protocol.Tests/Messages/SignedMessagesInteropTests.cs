using System.Text;
using System.Xml;
using Tss.Protocol.Signing;
using Tss.Protocol.Tests.Signing;
using static Tss.Protocol.Tests.Signing.SigningFixtures;

namespace Tss.Protocol.Tests.Messages;

/// <summary>
/// What the builders produce, once signed, verifies with our verifier and with xmlsec1 (an independent implementation)
/// against the test CA, as SEFAZ would verify the evento and inutNFe it receives.
/// </summary>
public sealed class SignedMessagesInteropTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tss-events-xmlsec1-").FullName;

    public static TheoryData<string, string> Messages => new()
    {
        { "cancelamento", "infEvento" },
        { "carta-correcao", "infEvento" },
        { "inutilizacao", "infInut" },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void Built_and_signed_messages_verify_with_xmlsec1_and_with_our_verifier(string message, string signedElement)
    {
        var unsigned = message switch
        {
            "cancelamento" => EventRequestsTests.Cancel(),
            "carta-correcao" => EventRequestsTests.Correction(),
            _ => InutilizacaoAndCadastroRequestsTests.Inut(),
        };
        using var signer = new XmlDsigSigner(Signer);
        var signed = signer.Sign(unsigned, signedElement);
        var path = Path.Combine(_directory, message + ".xml");
        File.WriteAllText(path, signed, new UTF8Encoding(false));
        var ca = Path.Combine(_directory, "ca.pem");
        Ca.ExportCaPem(ca);

        var xmlsec = XmlSec1.Run("--verify", "--id-attr:Id", $"{NfeNamespace}:{signedElement}", "--trusted-pem", ca, path);
        var ours = SignatureVerifier.Verify(First(Parse(signed), signedElement));

        Assert.True(xmlsec.Succeeded, xmlsec.Output);
        Assert.True(ours.IsValid, ours.Detail);
        Assert.Equal(Signer.Thumbprint, ours.Certificate!.Thumbprint);
    }

    [Fact]
    public void A_signed_event_still_verifies_inside_its_lot()
    {
        using var signer = new XmlDsigSigner(Signer);
        var lot = Tss.Protocol.Messages.NfeRequests.EnvEvento(1, [signer.Sign(EventRequestsTests.Cancel(), "infEvento"), signer.Sign(EventRequestsTests.Correction(), "infEvento")]);

        var document = Parse(lot);

        Assert.All(document.GetElementsByTagName("infEvento", NfeNamespace).OfType<XmlElement>(),
            infEvento => Assert.True(SignatureVerifier.Verify(infEvento).IsValid));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
