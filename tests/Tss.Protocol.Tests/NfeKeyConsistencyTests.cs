using System.Xml;
using Tss.Protocol.AccessKeys;
using Tss.Protocol.Xml;

namespace Tss.Protocol.Tests;

public class NfeKeyConsistencyTests
{
    [Fact]
    public void Consistent_document_has_no_issue()
    {
        Assert.Empty(NfeKeyConsistency.Check(Load(SchemaTests.Sample())));
    }

    [Fact]
    public void ReadKey_returns_the_key_of_the_Id()
    {
        var key = NfeKeyConsistency.ReadKey(Load(SchemaTests.Sample()));

        Assert.NotNull(key);
        Assert.True(AccessKey.TryParse(key, out _, out _));
    }

    [Fact]
    public void Id_without_the_NFe_literal_is_227()
    {
        var xml = SchemaTests.Sample().Replace("Id=\"NFe", "Id=\"NF_", StringComparison.Ordinal);

        var issue = Assert.Single(NfeKeyConsistency.Check(Load(xml)));

        Assert.Equal(227, issue.cStat);
        Assert.Null(NfeKeyConsistency.ReadKey(Load(xml)));
    }

    [Theory]
    [InlineData("cUF", "<cUF>35</cUF>", "<cUF>41</cUF>")]
    [InlineData("AAMM", "<dhEmi>2026-03-14", "<dhEmi>2026-04-14")]
    [InlineData("AAMM", "<dhEmi>2026-03-14", "<dhEmi>2027-03-14")]
    [InlineData("CNPJ", "<CNPJ>12345678000195</CNPJ>", "<CNPJ>12345678000276</CNPJ>")]
    [InlineData("mod", "<mod>55</mod>", "<mod>65</mod>")]
    [InlineData("serie", "<serie>1</serie>", "<serie>2</serie>")]
    [InlineData("nNF", "<nNF>1234</nNF>", "<nNF>1235</nNF>")]
    [InlineData("tpEmis", "<tpEmis>1</tpEmis>", "<tpEmis>6</tpEmis>")]
    [InlineData("cNF", "<cNF>48213907</cNF>", "<cNF>48213908</cNF>")]
    public void Field_that_differs_from_the_key_is_502_naming_the_field(string field, string from, string to)
    {
        var xml = SchemaTests.Sample().Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(SchemaTests.Sample(), xml);

        var issues = NfeKeyConsistency.Check(Load(xml));

        Assert.Contains(issues, i => i.cStat == 502 && i.Message.Contains(field, StringComparison.Ordinal));
    }

    [Fact]
    public void Wrong_cDV_is_253_and_502()
    {
        var xml = SchemaTests.Sample();
        var cDV = Load(xml)["infNFe"]!["ide"]!["cDV"]!.InnerText;
        var wrong = ((int.Parse(cDV, System.Globalization.CultureInfo.InvariantCulture) + 1) % 10).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var issues = NfeKeyConsistency.Check(Load(xml.Replace($"<cDV>{cDV}</cDV>", $"<cDV>{wrong}</cDV>", StringComparison.Ordinal)));

        Assert.Contains(issues, i => i.cStat == 253);
        Assert.Contains(issues, i => i.cStat == 502 && i.Message.Contains("cDV", StringComparison.Ordinal));
    }

    [Fact]
    public void Key_with_bad_check_digit_but_matching_fields_is_253()
    {
        // Id and cDV agree with each other but not with the mod-11 of the composed key.
        var xml = SchemaTests.Sample();
        var document = Load(xml);
        var key = NfeKeyConsistency.ReadKey(document)!;
        var cDV = key[^1];
        var wrong = (char)('0' + ((cDV - '0' + 1) % 10));
        var tampered = xml.Replace(key, key[..43] + wrong, StringComparison.Ordinal)
            .Replace($"<cDV>{cDV}</cDV>", $"<cDV>{wrong}</cDV>", StringComparison.Ordinal);

        var issue = Assert.Single(NfeKeyConsistency.Check(Load(tampered)));

        Assert.Equal(253, issue.cStat);
    }

    [Fact]
    public void Cpf_emitter_is_padded_like_in_the_key()
    {
        var parts = new AccessKeyParts(35, 26, 3, "12345678909", 55, 1, 7, 1, 48213907);
        var key = AccessKey.Build(parts);
        var xml = $"<NFe xmlns=\"http://www.portalfiscal.inf.br/nfe\"><infNFe versao=\"4.00\" Id=\"NFe{key}\"><ide><cUF>35</cUF><cNF>48213907</cNF>" +
            $"<mod>55</mod><serie>1</serie><nNF>7</nNF><dhEmi>2026-03-01T08:00:00-03:00</dhEmi><tpEmis>1</tpEmis><cDV>{key.cDV}</cDV></ide>" +
            "<emit><CPF>12345678909</CPF></emit></infNFe></NFe>";

        Assert.Empty(NfeKeyConsistency.Check(Load(xml)));
    }

    [Fact]
    public void Missing_field_is_reported()
    {
        var xml = SchemaTests.Sample().Replace("<serie>1</serie>", "", StringComparison.Ordinal);

        Assert.Contains(NfeKeyConsistency.Check(Load(xml)), i => i.cStat == 502 && i.Message.Contains("serie", StringComparison.Ordinal));
    }

    [Fact]
    public void Document_without_infNFe_is_a_schema_failure()
    {
        Assert.Equal(215, Assert.Single(NfeKeyConsistency.Check(Load("<NFe xmlns=\"http://www.portalfiscal.inf.br/nfe\"/>"))).cStat);
    }

    private static XmlElement Load(string xml) => SafeXml.Load(xml).DocumentElement!;
}
