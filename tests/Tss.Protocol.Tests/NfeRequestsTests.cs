using Tss.Protocol.Messages;
using Tss.Protocol.Schemas;

namespace Tss.Protocol.Tests;

public class NfeRequestsTests
{
    private const string ChNFe = "43230307385111000102555030007448841373711789";

    [Fact]
    public void ConsStatServ_matches_the_golden_file_and_the_schema()
    {
        var xml = NfeRequests.ConsStatServ(2, 35);

        Assert.Equal(Fixture("consStatServ.xml"), xml);
        AssertValid(xml, "consStatServ_v4.00.xsd");
    }

    [Fact]
    public void ConsReciNFe_matches_the_golden_file_and_the_schema()
    {
        var xml = NfeRequests.ConsReciNFe(2, "351000000012345");

        Assert.Equal(Fixture("consReciNFe.xml"), xml);
        AssertValid(xml, "consReciNFe_v4.00.xsd");
    }

    [Fact]
    public void ConsSitNFe_matches_the_golden_file_and_the_schema()
    {
        var xml = NfeRequests.ConsSitNFe(1, ChNFe);

        Assert.Equal(Fixture("consSitNFe.xml"), xml);
        AssertValid(xml, "consSitNFe_v4.00.xsd");
    }

    [Fact]
    public void EnviNFe_matches_the_golden_file_and_the_schema()
    {
        var xml = NfeRequests.EnviNFe(202603140001, false, [Fixture("nfe-1234-signed-placeholder.xml"), Fixture("nfe-1235-signed-placeholder.xml")]);

        Assert.Equal(Fixture("enviNFe.xml"), xml);
        AssertValid(xml, "enviNFe_v4.00.xsd");
    }

    [Fact]
    public void EnviNFe_strips_declaration_and_surrounding_whitespace_but_keeps_the_document_verbatim()
    {
        var nfe = Fixture("nfe-1234-signed-placeholder.xml");

        var xml = NfeRequests.EnviNFe(1, true, ["\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n" + nfe + "\n"]);

        Assert.Equal($"<enviNFe xmlns=\"http://www.portalfiscal.inf.br/nfe\" versao=\"4.00\"><idLote>1</idLote><indSinc>1</indSinc>{nfe}</enviNFe>", xml);
        AssertValid(xml, "enviNFe_v4.00.xsd");
    }

    [Fact]
    public void EnviNFe_with_fifty_documents_is_accepted_and_fifty_one_refused()
    {
        var nfe = Fixture("nfe-1234-signed-placeholder.xml");

        var fifty = NfeRequests.EnviNFe(1, false, Enumerable.Repeat(nfe, 50));

        Assert.Equal(50, fifty.Split("<NFe ").Length - 1);
        AssertValid(fifty, "enviNFe_v4.00.xsd");
        Assert.Throws<ArgumentException>(() => NfeRequests.EnviNFe(1, false, Enumerable.Repeat(nfe, 51)));
    }

    [Fact]
    public void EnviNFe_refuses_an_empty_lot_and_sync_with_several_documents()
    {
        var nfe = Fixture("nfe-1234-signed-placeholder.xml");

        Assert.Throws<ArgumentException>(() => NfeRequests.EnviNFe(1, false, []));
        Assert.Throws<ArgumentException>(() => NfeRequests.EnviNFe(1, true, [nfe, nfe]));
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData(1_000_000_000_000_000L)]
    public void EnviNFe_refuses_idLote_outside_fifteen_digits(long idLote)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NfeRequests.EnviNFe(idLote, false, [Fixture("nfe-1234-signed-placeholder.xml")]));
    }

    [Fact]
    public void EnviNFe_accepts_the_largest_fifteen_digit_idLote()
    {
        var xml = NfeRequests.EnviNFe(999_999_999_999_999, false, [Fixture("nfe-1234-signed-placeholder.xml")]);

        Assert.Contains("<idLote>999999999999999</idLote>", xml);
        AssertValid(xml, "enviNFe_v4.00.xsd");
    }

    [Fact]
    public void EnviNFe_refuses_something_that_is_not_an_NFe()
    {
        Assert.Throws<ArgumentException>(() => NfeRequests.EnviNFe(1, false, ["<nfeProc/>"]));
        Assert.Throws<ArgumentException>(() => NfeRequests.EnviNFe(1, false, ["<?xml version=\"1.0\"<NFe></NFe>"]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void Builders_refuse_an_unknown_environment(int tpAmb)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NfeRequests.ConsStatServ(tpAmb, 35));
        Assert.Throws<ArgumentOutOfRangeException>(() => NfeRequests.ConsReciNFe(tpAmb, "351000000012345"));
        Assert.Throws<ArgumentOutOfRangeException>(() => NfeRequests.ConsSitNFe(tpAmb, ChNFe));
    }

    [Fact]
    public void Builders_refuse_malformed_arguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NfeRequests.ConsStatServ(2, 91));
        Assert.Throws<ArgumentException>(() => NfeRequests.ConsReciNFe(2, "35100000001234"));
        Assert.Throws<ArgumentException>(() => NfeRequests.ConsReciNFe(2, "35100000001234X"));
        Assert.Throws<ArgumentException>(() => NfeRequests.ConsSitNFe(2, ChNFe[..43] + "0"));
    }

    [Theory]
    [MemberData(nameof(AllUfCodes))]
    public void ConsStatServ_is_valid_for_every_uf(int cUF)
    {
        AssertValid(NfeRequests.ConsStatServ(1, cUF), "consStatServ_v4.00.xsd");
    }

    public static TheoryData<int> AllUfCodes() => [.. Reference.UfCodes.All.Select(Reference.UfCodes.ToCode)];

    private static void AssertValid(string xml, string expectedSchema)
    {
        var result = NfeSchemas.Shared.Validate(xml);
        Assert.Equal(expectedSchema, result.SchemaFile);
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors.Select(e => $"{e.Element} {e.Line}:{e.Position} {e.Message}")));
        Assert.DoesNotContain("<?xml", xml);
        Assert.DoesNotContain("\n", xml);
    }

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));
}
