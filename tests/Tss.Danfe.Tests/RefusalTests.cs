using System.Text;

namespace Tss.Danfe.Tests;

/// <summary>Bad input gets a coded refusal and never a half-drawn PDF.</summary>
public sealed class RefusalTests
{
    [Fact]
    public void Nfe_without_protocol_is_refused_as_not_authorized()
    {
        var e = Assert.Throws<DanfeException>(() => Samples.Render(Samples.Nfe() with { WithoutProtocol = true }));
        Assert.Equal(DanfeErrorCodes.NotAuthorized, e.Code);
    }

    [Theory]
    [InlineData(110)] // uso denegado
    [InlineData(204)] // duplicidade
    [InlineData(539)]
    public void Protocol_that_does_not_authorize_is_refused(int cStat)
    {
        var e = Assert.Throws<DanfeException>(() => Samples.Render(Samples.Nfe() with { cStat = cStat }));
        Assert.Equal(DanfeErrorCodes.NotAuthorized, e.Code);
        Assert.Contains(cStat.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message);
    }

    [Fact]
    public void Protocol_of_another_nfe_grafted_onto_this_one_is_refused()
    {
        var xml = Encoding.UTF8.GetString(Samples.Bytes(Samples.Nfe()));
        var key = Facts.Of(Encoding.UTF8.GetBytes(xml)).Key;
        var other = key[..30] + (key[30] == '9' ? '1' : '9') + key[31..];
        var forged = xml.Replace($"<chNFe>{key}</chNFe>", $"<chNFe>{other}</chNFe>", StringComparison.Ordinal);
        var e = Assert.Throws<DanfeException>(() => DanfeRenderer.Render(Encoding.UTF8.GetBytes(forged)));
        Assert.Equal(DanfeErrorCodes.KeyMismatch, e.Code);
    }

    [Theory]
    [InlineData("<nfeProc xmlns=\"http://www.portalfiscal.inf.br/nfe\"><NFe>")]
    [InlineData("not xml at all")]
    [InlineData("")]
    public void Malformed_xml_is_refused_with_a_code(string body)
    {
        var e = Assert.Throws<DanfeException>(() => DanfeRenderer.Render(Encoding.UTF8.GetBytes(body)));
        Assert.Equal(DanfeErrorCodes.MalformedXml, e.Code);
    }

    [Fact]
    public void Xxe_doctype_is_refused_before_anything_is_resolved()
    {
        const string xxe = "<?xml version=\"1.0\"?><!DOCTYPE nfeProc [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><nfeProc>&x;</nfeProc>";
        var e = Assert.Throws<DanfeException>(() => DanfeRenderer.Render(Encoding.UTF8.GetBytes(xxe)));
        Assert.Equal(DanfeErrorCodes.MalformedXml, e.Code);
    }

    [Fact]
    public void Event_xml_is_not_a_procnfe()
    {
        const string evento = "<procEventoNFe xmlns=\"http://www.portalfiscal.inf.br/nfe\" versao=\"1.00\"><evento/></procEventoNFe>";
        var e = Assert.Throws<DanfeException>(() => DanfeRenderer.Render(Encoding.UTF8.GetBytes(evento)));
        Assert.Equal(DanfeErrorCodes.NotProcNFe, e.Code);
    }

    [Fact]
    public void Unreadable_number_is_refused_as_invalid_content()
    {
        var xml = Encoding.UTF8.GetString(Samples.Bytes(Samples.Nfe()));
        var broken = System.Text.RegularExpressions.Regex.Replace(xml, "<vNF>[^<]*</vNF>", "<vNF>12,34abc</vNF>");
        var e = Assert.Throws<DanfeException>(() => DanfeRenderer.Render(Encoding.UTF8.GetBytes(broken)));
        Assert.Equal(DanfeErrorCodes.InvalidContent, e.Code);
    }
}
