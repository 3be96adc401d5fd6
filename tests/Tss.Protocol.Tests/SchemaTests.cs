using System.Xml;
using Tss.DevTools.Samples;
using Tss.Protocol.Schemas;
using Tss.Protocol.Schemas.Internal;

namespace Tss.Protocol.Tests;

public class SchemaTests
{
    private const string Ns = "http://www.portalfiscal.inf.br/nfe";

    [Fact]
    public void Every_routed_schema_file_is_embedded_and_compiles()
    {
        var files = SchemaRouting.AllRoutedFiles().ToList();

        Assert.True(files.Count >= 30);
        foreach (var file in files)
        {
            Assert.Contains(file, NfeSchemas.Files);
            Assert.True(NfeSchemas.Shared.SchemaSet(file).IsCompiled, file);
        }
    }

    [Fact]
    public void Package_embeds_the_dsig_schema_and_the_full_pl010b_set()
    {
        Assert.Contains("xmldsig-core-schema_v1.01.xsd", NfeSchemas.Files);
        Assert.Contains("DFeTiposBasicos_v1.00.xsd", NfeSchemas.Files);
        Assert.True(NfeSchemas.Files.Count > 150);
    }

    [Fact]
    public void Compiled_schema_sets_are_cached()
    {
        var schemas = new NfeSchemas();
        schemas.Warm(["consStatServ_v4.00.xsd"]);

        Assert.Same(schemas.SchemaSet("consStatServ_v4.00.xsd"), schemas.SchemaSet("consStatServ_v4.00.xsd"));
        Assert.Throws<ArgumentException>(() => schemas.Warm(["missing.xsd"]));
    }

    [Theory]
    [InlineData("NFe", null, "nfe_v4.00.xsd")]
    [InlineData("enviNFe", null, "enviNFe_v4.00.xsd")]
    [InlineData("nfeProc", null, "procNFe_v4.00.xsd")]
    [InlineData("ProcInutNFe", null, "procInutNFe_v4.00.xsd")]
    [InlineData("ConsCad", null, "consCad_v2.00.xsd")]
    [InlineData("distDFeInt", null, "distDFeInt_v1.01.xsd")]
    [InlineData("retDistDFeInt", null, "retDistDFeInt_v1.01.xsd")]
    [InlineData("envEvento", "110110", "envCCe_v1.00.xsd")]
    [InlineData("envEvento", "110111", "envEventoCancNFe_v1.00.xsd")]
    [InlineData("envEvento", "210200", "envConfRecebto_v1.00.xsd")]
    [InlineData("envEvento", "210240", "envConfRecebto_v1.00.xsd")]
    [InlineData("envEvento", "112110", "envEvento_v1.00.xsd")]
    [InlineData("procEventoNFe", "110110", "procCCeNFe_v1.00.xsd")]
    [InlineData("procEventoNFe", "110111", "procEventoCancNFe_v1.00.xsd")]
    [InlineData("retEnvEvento", "110111", "retEnvEventoCancNFe_v1.00.xsd")]
    [InlineData("retEnvEvento", null, "retEnvEvento_v1.00.xsd")]
    public void Root_and_event_type_choose_the_schema(string root, string? tpEvento, string expected)
    {
        Assert.Equal(expected, NfeSchemas.SchemaFileFor(root, tpEvento));
    }

    [Fact]
    public void Signed_sample_nfe_is_valid()
    {
        var result = NfeSchemas.Shared.Validate(SignedSample());

        Assert.Equal("nfe_v4.00.xsd", result.SchemaFile);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Unsigned_nfe_is_invalid_because_the_signature_is_mandatory()
    {
        var result = NfeSchemas.Shared.Validate(Sample());

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Message.Contains("Signature", StringComparison.Ordinal));
    }

    [Fact]
    public void Error_names_element_line_and_position()
    {
        // One element per line so the position is meaningful; whitespace between elements is allowed by the schema.
        var lines = SignedSample().Replace("><", ">\n<", StringComparison.Ordinal);
        var broken = lines.Replace("<cUF>35</cUF>", "<cUF>99</cUF>", StringComparison.Ordinal);
        var expectedLine = lines.Split('\n').ToList().FindIndex(l => l.StartsWith("<cUF>", StringComparison.Ordinal)) + 1;

        var result = NfeSchemas.Shared.Validate(broken);

        var error = Assert.Single(result.Errors);
        Assert.Equal("cUF", error.Element);
        Assert.Equal(expectedLine, error.Line);
        Assert.True(error.Position > 0);
        Assert.Contains("99", error.Message);
    }

    [Fact]
    public void Missing_required_element_is_reported_on_its_parent()
    {
        var broken = SignedSample().Replace("<natOp>VENDA DE MERCADORIA</natOp>", "", StringComparison.Ordinal);

        var result = NfeSchemas.Shared.Validate(broken);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Message.Contains("natOp", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_root_is_an_error_naming_the_root()
    {
        var result = NfeSchemas.Shared.Validate($"<fooBar xmlns=\"{Ns}\"/>");

        Assert.Equal("", result.SchemaFile);
        Assert.Equal("fooBar", Assert.Single(result.Errors).Element);
    }

    [Fact]
    public void Root_outside_the_nfe_namespace_is_an_error()
    {
        var result = NfeSchemas.Shared.Validate("<NFe xmlns=\"urn:other\"/>");

        Assert.False(result.IsValid);
        Assert.Contains("namespace", Assert.Single(result.Errors).Message);
    }

    [Theory]
    [InlineData("<NFe xmlns=\"http://www.portalfiscal.inf.br/nfe\"><infNFe>")]
    [InlineData("")]
    [InlineData("<!DOCTYPE NFe [<!ENTITY x \"y\">]><NFe/>")]
    public void Bad_input_is_reported_not_thrown(string xml)
    {
        var result = NfeSchemas.Shared.Validate(xml);

        Assert.False(result.IsValid);
    }

    [Fact]
    public void Unknown_schema_file_is_refused()
    {
        Assert.Throws<ArgumentException>(() => NfeSchemas.Shared.Validate("<a/>", "nope_v9.xsd"));
        Assert.Throws<ArgumentException>(() => NfeSchemas.Shared.Validate("<a/>", "../../etc/passwd"));
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("http://www.portalfiscal.inf.br/nfe/leiauteNFe_v4.00.xsd")]
    [InlineData("https://127.0.0.1/xmldsig-core-schema_v1.01.xsd")]
    public void Resolver_loads_only_embedded_schemas(string location)
    {
        var resolver = new EmbeddedSchemaResolver();

        Assert.Throws<XmlException>(() => resolver.GetEntity(new Uri(location), null, typeof(Stream)));
    }

    [Fact]
    public void Resolver_resolves_relative_includes_from_the_package()
    {
        var resolver = new EmbeddedSchemaResolver();
        var uri = resolver.ResolveUri(EmbeddedSchemaResolver.UriOf("nfe_v4.00.xsd"), "leiauteNFe_v4.00.xsd");

        using var stream = (Stream)resolver.GetEntity(uri, null, typeof(Stream))!;
        Assert.True(stream.Length > 100_000);
    }

    [Fact]
    public void Cancellation_event_lot_validates_against_its_specific_schema()
    {
        var nfe = Sample();
        var chNFe = nfe.Substring(nfe.IndexOf("Id=\"NFe", StringComparison.Ordinal) + 7, 44);
        var id = $"ID110111{chNFe}01";
        var xml = $"<envEvento xmlns=\"{Ns}\" versao=\"1.00\"><idLote>1</idLote><evento versao=\"1.00\"><infEvento Id=\"{id}\">" +
            $"<cOrgao>35</cOrgao><tpAmb>2</tpAmb><CNPJ>12345678000195</CNPJ><chNFe>{chNFe}</chNFe>" +
            "<dhEvento>2026-03-14T11:00:00-03:00</dhEvento><tpEvento>110111</tpEvento><nSeqEvento>1</nSeqEvento><verEvento>1.00</verEvento>" +
            "<detEvento versao=\"1.00\"><descEvento>Cancelamento</descEvento><nProt>135260000000001</nProt><xJust>Erro de digitacao no pedido do cliente</xJust></detEvento>" +
            $"</infEvento>{SampleNfe.PlaceholderSignature(id)}</evento></envEvento>";

        var result = NfeSchemas.Shared.Validate(xml);

        Assert.Equal("envEventoCancNFe_v1.00.xsd", result.SchemaFile);
        Assert.Empty(result.Errors);

        // The specific schema checks detEvento: a CC-e body under tpEvento 110111 is refused.
        var wrongBody = xml.Replace("<descEvento>Cancelamento</descEvento>", "<descEvento>Carta de Correcao</descEvento>", StringComparison.Ordinal);
        Assert.False(NfeSchemas.Shared.Validate(wrongBody).IsValid);
    }

    [Fact]
    public void Status_reply_validates_against_its_schema()
    {
        var xml = $"<retConsStatServ xmlns=\"{Ns}\" versao=\"4.00\"><tpAmb>2</tpAmb><verAplic>SIM-1.0</verAplic><cStat>107</cStat>" +
            "<xMotivo>Serviço em Operação</xMotivo><cUF>35</cUF><dhRecbto>2026-03-14T10:00:00-03:00</dhRecbto><tMed>1</tMed></retConsStatServ>";

        var result = NfeSchemas.Shared.Validate(xml);

        Assert.Equal("retConsStatServ_v4.00.xsd", result.SchemaFile);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Concurrent_validations_agree()
    {
        var valid = SignedSample();
        var invalid = valid.Replace("<cUF>35</cUF>", "<cUF>99</cUF>", StringComparison.Ordinal);
        var expectedInvalid = NfeSchemas.Shared.Validate(invalid).Errors;
        var results = new System.Collections.Concurrent.ConcurrentBag<(bool Valid, IReadOnlyList<SchemaError> Errors)>();

        Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var useValid = i % 2 == 0;
            var result = NfeSchemas.Shared.Validate(useValid ? valid : invalid);
            results.Add((useValid, result.Errors));
        });

        Assert.All(results, r =>
        {
            if (r.Valid)
            {
                Assert.Empty(r.Errors);
            }
            else
            {
                Assert.Equal(expectedInvalid, r.Errors);
            }
        });
    }

    [Fact]
    public void Benchmark_reports_a_positive_rate_for_a_valid_document()
    {
        Assert.True(SchemaBenchmark.Run(SignedSample(), TimeSpan.FromMilliseconds(200)) > 0);
        Assert.Throws<InvalidOperationException>(() => SchemaBenchmark.Run(Sample(), TimeSpan.FromMilliseconds(50)));
    }

    internal static string Sample() => SampleNfe.Create(new SampleNfeOptions
    {
        EmitCnpj = "12345678000195",
        nNF = 1234,
        cNF = 48213907,
        dhEmi = new DateTimeOffset(2026, 3, 14, 10, 30, 15, TimeSpan.FromHours(-3)),
    });

    internal static string SignedSample() => SampleNfe.WithPlaceholderSignature(Sample());
}
