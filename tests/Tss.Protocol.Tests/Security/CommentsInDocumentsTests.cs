using Tss.Protocol.Xml;

namespace Tss.Protocol.Tests.Security;

/// <summary>Attack: comments and processing instructions riding inside a document that is signed and sent to SEFAZ.</summary>
public class CommentsInDocumentsTests
{
    private const string Ns = "http://www.portalfiscal.inf.br/nfe";

    [Theory]
    [InlineData("<NFe xmlns=\"" + Ns + "\"><infNFe><!-- pagar a outra conta --></infNFe></NFe>", ProtocolErrorCodes.Xml.CommentProhibited)]
    [InlineData("<!-- antes da raiz --><NFe xmlns=\"" + Ns + "\"/>", ProtocolErrorCodes.Xml.CommentProhibited)]
    [InlineData("<NFe xmlns=\"" + Ns + "\"/><!-- depois da raiz -->", ProtocolErrorCodes.Xml.CommentProhibited)]
    [InlineData("<NFe xmlns=\"" + Ns + "\"><?erp ignore-me?></NFe>", ProtocolErrorCodes.Xml.ProcessingInstructionProhibited)]
    [InlineData("<?xml-stylesheet href=\"x.xsl\"?><NFe xmlns=\"" + Ns + "\"/>", ProtocolErrorCodes.Xml.ProcessingInstructionProhibited)]
    public void Comment_or_processing_instruction_in_a_document_to_sign_is_refused_with_its_code(string xml, string code)
    {
        Assert.Equal(code, Assert.Throws<XmlInputException>(() => SafeXml.Load(xml, comments: XmlCommentPolicy.Refuse)).Code);
    }

    [Fact]
    public void Xml_declaration_is_not_a_processing_instruction()
    {
        var document = SafeXml.Load("<?xml version=\"1.0\" encoding=\"UTF-8\"?><NFe xmlns=\"" + Ns + "\"/>", comments: XmlCommentPolicy.Refuse);

        Assert.Equal("NFe", document.DocumentElement!.LocalName);
    }

    [Fact]
    public void Comments_are_kept_where_the_caller_keeps_them()
    {
        var document = SafeXml.Load("<retorno><!-- SEFAZ --><cStat>100</cStat></retorno>");

        Assert.Equal("100", document.DocumentElement!["cStat"]!.InnerText);
    }
}
