using System.Text;
using Tss.DevTools.Samples;
using Tss.Protocol.AccessKeys;
using Tss.Protocol.Schemas;
using Tss.Protocol.Xml;

namespace Tss.DevTools.Tests;

public class SampleNfeTests
{
    private static readonly DateTimeOffset Emission = new(2026, 3, 14, 10, 30, 15, TimeSpan.FromHours(-3));

    public static TheoryData<string, int, int, int> Combinations => new()
    {
        { "SP", 55, 2, 1 },
        { "SP", 55, 1, 1 },
        { "RS", 55, 2, 1 },
        { "MG", 55, 1, 1 },
        { "AM", 55, 2, 6 },
        { "PE", 55, 1, 7 },
        { "SP", 65, 2, 1 },
    };

    [Theory]
    [MemberData(nameof(Combinations))]
    public void Sample_with_a_placeholder_signature_is_schema_valid(string uf, int mod, int tpAmb, int tpEmis)
    {
        var nfe = SampleNfe.Create(Options(uf, mod, tpAmb, tpEmis));

        var result = NfeSchemas.Shared.Validate(SampleNfe.WithPlaceholderSignature(nfe));

        Assert.Equal("nfe_v4.00.xsd", result.SchemaFile);
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors.Select(e => $"{e.Element} {e.Line}:{e.Position} {e.Message}")));
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public void Sample_key_is_consistent_with_its_fields(string uf, int mod, int tpAmb, int tpEmis)
    {
        var nfe = SafeXml.Load(SampleNfe.Create(Options(uf, mod, tpAmb, tpEmis))).DocumentElement!;

        Assert.Empty(NfeKeyConsistency.Check(nfe));
        var key = AccessKey.Parse(NfeKeyConsistency.ReadKey(nfe)!);
        Assert.Equal(mod, key.Parts.mod);
        Assert.Equal(tpEmis, key.Parts.tpEmis);
        Assert.Equal(26, key.Parts.Year);
        Assert.Equal(3, key.Parts.Month);
    }

    [Fact]
    public void Default_sample_is_about_ten_kilobytes()
    {
        var bytes = Encoding.UTF8.GetByteCount(SampleNfe.Create(Options("SP", 55, 2, 1)));

        Assert.InRange(bytes, 8 * 1024, 14 * 1024);
    }

    [Fact]
    public void Sample_is_deterministic_when_cNF_and_dhEmi_are_given()
    {
        Assert.Equal(SampleNfe.Create(Options("SP", 55, 2, 1)), SampleNfe.Create(Options("SP", 55, 2, 1)));
    }

    [Fact]
    public void Sample_has_no_declaration_and_no_whitespace_between_tags()
    {
        var nfe = SampleNfe.Create(Options("SP", 55, 2, 1));

        Assert.StartsWith("<NFe xmlns=\"http://www.portalfiscal.inf.br/nfe\">", nfe);
        Assert.DoesNotContain(">\n", nfe);
        Assert.DoesNotContain("> <", nfe);
    }

    [Fact]
    public void Homologation_sample_names_the_recipient_as_sefaz_requires()
    {
        var homologation = SafeXml.Load(SampleNfe.Create(Options("SP", 55, 2, 1)));
        var production = SafeXml.Load(SampleNfe.Create(Options("SP", 55, 1, 1)));

        Assert.Equal(SampleNfe.HomologationRecipientName, homologation.GetElementsByTagName("dest")[0]!["xNome"]!.InnerText);
        Assert.NotEqual(SampleNfe.HomologationRecipientName, production.GetElementsByTagName("dest")[0]!["xNome"]!.InnerText);
    }

    [Fact]
    public void Emission_time_comes_from_the_time_provider_in_brasilia_offset()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 1, 31, 23, 59, 59, 400, TimeSpan.Zero));

        var nfe = SafeXml.Load(SampleNfe.Create(Options("SP", 55, 2, 1) with { dhEmi = null }, clock));

        Assert.Equal("2026-01-31T20:59:59-03:00", nfe.GetElementsByTagName("dhEmi")[0]!.InnerText);
    }

    [Fact]
    public void Random_cNF_is_used_when_none_is_given_and_the_key_stays_consistent()
    {
        var nfe = SafeXml.Load(SampleNfe.Create(Options("SP", 55, 2, 1) with { cNF = null })).DocumentElement!;

        Assert.Empty(NfeKeyConsistency.Check(nfe));
        var cNF = int.Parse(nfe.GetElementsByTagName("cNF")[0]!.InnerText, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(AccessKey.IsAcceptableCNF(cNF, 1234));
    }

    [Fact]
    public void Item_count_drives_the_number_of_det_elements()
    {
        var nfe = SafeXml.Load(SampleNfe.Create(Options("SP", 55, 2, 1) with { Items = 3 }));

        Assert.Equal(3, nfe.GetElementsByTagName("det").Count);
        Assert.True(NfeSchemas.Shared.Validate(SampleNfe.WithPlaceholderSignature(nfe.OuterXml)).IsValid);
    }

    [Fact]
    public void Placeholder_signature_references_the_infNFe_Id()
    {
        var nfe = SampleNfe.Create(Options("SP", 55, 2, 1));
        var signed = SafeXml.Load(SampleNfe.WithPlaceholderSignature(nfe));

        var reference = (System.Xml.XmlElement)signed.GetElementsByTagName("Reference", "http://www.w3.org/2000/09/xmldsig#")[0]!;
        Assert.Equal("#NFe" + NfeKeyConsistency.ReadKey(signed.DocumentElement!), reference.GetAttribute("URI"));
    }

    private static SampleNfeOptions Options(string uf, int mod, int tpAmb, int tpEmis) => new()
    {
        EmitCnpj = "12345678000195",
        Uf = uf,
        mod = mod,
        tpAmb = tpAmb,
        tpEmis = tpEmis,
        nNF = 1234,
        serie = 1,
        cNF = 48213907,
        dhEmi = Emission,
    };

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
