using System.Text.RegularExpressions;
using System.Xml;
using Tss.Protocol.AccessKeys;
using Tss.Protocol.Messages;
using Tss.Protocol.Nfce;
using Tss.Protocol.Signing;
using static Tss.Protocol.Tests.Nfce.NfceTestDocuments;
using static Tss.Protocol.Tests.Signing.SigningFixtures;

namespace Tss.Protocol.Tests.Nfce;

/// <summary>The on-line QR code and urlChave of every UF, the supplement's place, and CSC validation.</summary>
public sealed class NfceQrCodeTests
{
    private const string Key = "35261112345678000195650010000000011000000015";

    [Fact]
    public void Version_2_carries_the_csc_id_without_zeros_and_the_sha1_of_the_sequence_and_the_csc()
    {
        var (qrCode, urlChave) = NfceQrCode.Build(Key, 2, "SP", Csc);

        // Expected hash computed independently (Python hashlib.sha1 over the same text).
        Assert.Equal($"https://www.homologacao.nfce.fazenda.sp.gov.br/qrcode?p={Key}|2|2|1|E977FD0569184E5D79CF4C89E71F1AC0A8982F7A", qrCode);
        Assert.Equal("https://www.homologacao.nfce.fazenda.sp.gov.br/NFCeConsultaPublica", urlChave);
    }

    [Fact]
    public void Version_3_needs_no_csc()
    {
        var (qrCode, urlChave) = NfceQrCode.Build(Key, 1, "mg", null);

        Assert.Equal($"https://nfce.fazenda.mg.gov.br/portalnfce/sistema/qrcode.xhtml?p={Key}|3|1", qrCode);
        Assert.Equal("https://portalsped.fazenda.mg.gov.br/portalnfce", urlChave);
    }

    [Theory]
    [InlineData("AC")]
    [InlineData("AL")]
    [InlineData("AM")]
    [InlineData("AP")]
    [InlineData("BA")]
    [InlineData("CE")]
    [InlineData("DF")]
    [InlineData("ES")]
    [InlineData("GO")]
    [InlineData("MA")]
    [InlineData("MG")]
    [InlineData("MS")]
    [InlineData("MT")]
    [InlineData("PA")]
    [InlineData("PB")]
    [InlineData("PE")]
    [InlineData("PI")]
    [InlineData("PR")]
    [InlineData("RJ")]
    [InlineData("RN")]
    [InlineData("RO")]
    [InlineData("RR")]
    [InlineData("RS")]
    [InlineData("SC")]
    [InlineData("SE")]
    [InlineData("SP")]
    [InlineData("TO")]
    public void Every_uf_has_urls_in_both_environments_that_the_schema_accepts(string uf)
    {
        foreach (var tpAmb in new[] { 1, 2 })
        {
            var nfe = SignedNfce(uf, tpAmb, tpAmb == 1 ? null : Csc);

            NfceTestDocuments.AssertSignedAndValid(nfe);
        }
    }

    [Fact]
    public void The_supplement_goes_between_infNFe_and_the_signature_which_still_verifies()
    {
        var nfe = SignedNfce("SP", 2, Csc);

        NfceTestDocuments.AssertSignedAndValid(nfe);
        var qrCode = nfe.GetElementsByTagName("qrCode", NfeNamespaces.Nfe)[0]!;
        Assert.IsType<XmlCDataSection>(qrCode.FirstChild);
    }

    [Fact]
    public void A_supplement_the_erp_built_is_kept()
    {
        var nfe = NfceTestDocuments.Unsigned("SP", 2);
        var key = nfe.GetElementsByTagName("infNFe", NfeNamespaces.Nfe).OfType<XmlElement>().Single().GetAttribute("Id")[3..];
        Assert.True(NfceQrCode.AddTo(nfe, key, 2, "SP", null));
        var before = nfe.OuterXml;

        Assert.False(NfceQrCode.AddTo(nfe, key, 2, "SP", Csc));
        Assert.Equal(before, nfe.OuterXml);
    }

    [Theory]
    [InlineData("XX", 2, Key)]
    [InlineData("SP", 3, Key)]
    [InlineData("SP", 2, "123")]
    public void Bad_input_is_refused(string uf, int tpAmb, string key) =>
        Assert.Throws<ArgumentException>(() => NfceQrCode.Build(key, tpAmb, uf, null));

    [Theory]
    [InlineData("1", "G8063VRTNDMO886SFNK5LDUDEI24XJ22YIPO", true)]
    [InlineData("123456", "0123456789abcdef", true)]
    [InlineData("", "0123456789abcdef", false)]
    [InlineData("1234567", "0123456789abcdef", false)]
    [InlineData("12a", "0123456789abcdef", false)]
    [InlineData("1", "short", false)]
    [InlineData("1", "0123456789abcdef-", false)]
    public void Csc_validation(string id, string token, bool valid) => Assert.Equal(valid, NfceCsc.IsValid(id, token));

    [Fact]
    public void The_csc_token_never_appears_in_its_text() =>
        Assert.DoesNotContain(Csc.Token, Csc.ToString(), StringComparison.Ordinal);

    private static XmlElement SignedNfce(string uf, int tpAmb, NfceCsc? csc)
    {
        var nfe = NfceTestDocuments.Unsigned(uf, tpAmb);
        var key = NfeKeyConsistency.ReadKey(nfe)!;
        NfceQrCode.AddTo(nfe, key, tpAmb, uf, csc);
        new XmlDsigSigner(Signer).Sign(nfe.OwnerDocument, "infNFe");
        Assert.Matches(new Regex(@"\?p=\d{44}\|[23]\|[12]"), nfe.GetElementsByTagName("qrCode", NfeNamespaces.Nfe)[0]!.InnerText);
        return nfe;
    }
}
