using System.Xml;
using Tss.Protocol.Signing;
using static Tss.Protocol.Tests.Signing.SigningFixtures;

namespace Tss.Protocol.Tests.Signing;

/// <summary>The string overload: parse (SafeXml), sign, serialize so that the signature survives a re-parse.</summary>
public class SignStringTests
{
    public static TheoryData<string, string> Fixtures => All;

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Signed_text_verifies_after_parsing_it_again(string fixture, string element)
    {
        var signed = new XmlDsigSigner(Signer).Sign(Text(fixture), element);

        var reparsed = Parse(signed);
        foreach (var target in reparsed.GetElementsByTagName(element, "*").OfType<XmlElement>().Take(1))
        {
            var check = SignatureVerifier.Verify(target);
            Assert.True(check.IsValid, check.Detail);
        }
    }

    [Fact]
    public void Signed_text_has_no_declaration_and_no_added_whitespace()
    {
        var unsigned = Text(Nfe10k);

        var signed = new XmlDsigSigner(Signer).Sign(unsigned, "infNFe");

        Assert.StartsWith("<NFe xmlns=\"http://www.portalfiscal.inf.br/nfe\"><infNFe", signed, StringComparison.Ordinal);
        Assert.EndsWith("</Signature></NFe>", signed, StringComparison.Ordinal);
        var body = unsigned[unsigned.IndexOf("<NFe", StringComparison.Ordinal)..unsigned.IndexOf("</NFe>", StringComparison.Ordinal)];
        Assert.StartsWith(body, signed, StringComparison.Ordinal);
    }

    [Fact]
    public void Carriage_returns_and_tabs_survive_serialization()
    {
        var signed = new XmlDsigSigner(Signer).Sign(Text(EnviNfeTricky), "infNFe");

        var reparsed = Parse(signed);
        Assert.Contains("Linha 1\r\nLinha 2\tcom tab", First(reparsed, "infCpl").InnerText, StringComparison.Ordinal);
        Assert.Equal("\ttab\nlf\rcr < > '", First(reparsed, "extra").GetAttribute("b"));
    }
}
