using System.Xml;
using Tss.Protocol.Messages;
using Tss.Protocol.Xml;

namespace Tss.Protocol.Tests;

/// <summary>What the parsers refuse: wrong roots, missing required fields, values outside their schema types.</summary>
public partial class NfeResponsesTests
{
    [Fact]
    public void Wrong_root_is_refused()
    {
        var error = Assert.Throws<XmlInputException>(() => NfeResponses.ParseRetEnviNFe(Load("retConsStatServ-107-in-operation.xml")));

        Assert.Equal(ProtocolErrorCodes.Xml.UnexpectedRoot, error.Code);
    }

    [Fact]
    public void Right_name_in_the_wrong_namespace_is_refused()
    {
        var root = SafeXml.Load("<retConsStatServ versao=\"4.00\"><cStat>107</cStat></retConsStatServ>").DocumentElement!;

        var error = Assert.Throws<XmlInputException>(() => NfeResponses.ParseRetConsStatServ(root));

        Assert.Equal(ProtocolErrorCodes.Xml.UnexpectedRoot, error.Code);
    }

    [Theory]
    [InlineData("retEnviNFe-103-async.xml", "dhRecbto", null)]
    [InlineData("retEnviNFe-103-async.xml", "cStat", null)]
    [InlineData("retEnviNFe-103-async.xml", "nRec", null)]
    [InlineData("retEnviNFe-103-async.xml", "nRec", "35100012345678")]
    [InlineData("retEnviNFe-103-async.xml", "tMed", "12345")]
    [InlineData("retEnviNFe-103-async.xml", "cStat", "10")]
    [InlineData("retEnviNFe-103-async.xml", "cStat", "10300")]
    [InlineData("retEnviNFe-103-async.xml", "tpAmb", "3")]
    [InlineData("retEnviNFe-103-async.xml", "dhRecbto", "2025-03-10T14:32:07")]
    [InlineData("retEnviNFe-103-async.xml", "dhRecbto", "2025-03-10 14:32:07-03:00")]
    [InlineData("retEnviNFe-104-sync-authorized.xml", "nProt", "1352500012345678")]
    [InlineData("retEnviNFe-104-sync-authorized.xml", "nProt", "13525000123456")]
    [InlineData("retEnviNFe-104-sync-authorized.xml", "chNFe", "3525031234567800019055001000001234173920518")]
    [InlineData("retEnviNFe-104-sync-authorized.xml", "xMotivo", null)]
    [InlineData("retEnviNFe-104-sync-authorized.xml", "infProt", null)]
    public void Missing_or_malformed_field_is_refused(string fixture, string field, string? replacement)
    {
        var root = Load(fixture);
        var target = (XmlElement)root.GetElementsByTagName(field, NfeNamespaces.Nfe)[0]!;
        if (replacement is null)
        {
            target.ParentNode!.RemoveChild(target);
        }
        else
        {
            target.InnerText = replacement;
        }

        var error = Assert.Throws<XmlInputException>(() => NfeResponses.ParseRetEnviNFe(root));

        Assert.Equal(ProtocolErrorCodes.Xml.Malformed, error.Code);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Four_digit_cStat_and_17_digit_nProt_of_PL_010_are_accepted()
    {
        var root = Load("retEnviNFe-104-sync-authorized.xml");
        root.GetElementsByTagName("cStat", NfeNamespaces.Nfe)[1]!.InnerText = "1001";
        root.GetElementsByTagName("nProt", NfeNamespaces.Nfe)[0]!.InnerText = "13525000123456789";

        var prot = NfeResponses.ParseRetEnviNFe(root).protNFe!;

        Assert.Equal(1001, prot.cStat);
        Assert.Equal("13525000123456789", prot.nProt);
    }

    [Fact]
    public void Source_text_that_does_not_match_the_answer_is_refused()
    {
        var root = Load("retConsReciNFe-104-three-documents.xml");
        var otherSource = Read("retEnviNFe-104-sync-authorized.xml");

        var error = Assert.Throws<XmlInputException>(() => NfeResponses.ParseRetConsReciNFe(root, otherSource));

        Assert.Equal(ProtocolErrorCodes.Xml.Malformed, error.Code);
    }
}
