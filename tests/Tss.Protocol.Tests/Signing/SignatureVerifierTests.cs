using System.Xml;
using Tss.Protocol.Signing;
using static Tss.Protocol.Tests.Signing.SigningFixtures;

namespace Tss.Protocol.Tests.Signing;

public class SignatureVerifierTests
{
    public static TheoryData<string, string> Fixtures => All;

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Our_signature_is_valid_and_reports_certificate_and_digest(string fixture, string element)
    {
        var (_, target, digest) = Signed(fixture, element);

        var check = SignatureVerifier.Verify(target);

        Assert.True(check.IsValid, check.Detail);
        Assert.Equal(SignatureFailure.None, check.Failure);
        Assert.Equal(digest, check.DigestValue);
        Assert.Equal(Signer.Thumbprint, check.Certificate!.Thumbprint);
    }

    [Fact]
    public void Nfe_signed_on_its_own_verifies_inside_a_SOAP_envelope()
    {
        // Regression: the envelope's xmlns:soap/xsi/xsd are in scope of infNFe in the request, and SEFAZ accepts such
        // signatures, so they must not enter the canonical form.
        var (_, target, digest) = Signed(Nfe10k, "infNFe");
        var nfe = Serialize(target.ParentNode!);
        var request = Parse(
            "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
            + "xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\"><soap:Body><nfeDadosMsg xmlns=\"http://www.portalfiscal.inf.br/nfe/wsdl/NFeAutorizacao4\">"
            + $"<enviNFe xmlns=\"{NfeNamespace}\" versao=\"4.00\"><idLote>1</idLote><indSinc>1</indSinc>{nfe}</enviNFe></nfeDadosMsg></soap:Body></soap:Envelope>");

        var check = SignatureVerifier.Verify(First(request, "infNFe"));

        Assert.True(check.IsValid, check.Detail);
        Assert.Equal(digest, check.DigestValue);
    }

    [Fact]
    public void Nfe_signed_on_its_own_verifies_inside_nfeProc_with_extra_declarations()
    {
        var (_, target, _) = Signed(Nfe10k, "infNFe");
        var proc = Parse(
            $"<nfeProc xmlns=\"{NfeNamespace}\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" versao=\"4.00\">"
            + Serialize(target.ParentNode!) + "<protNFe versao=\"4.00\"><infProt><cStat>100</cStat></infProt></protNFe></nfeProc>");

        Assert.True(SignatureVerifier.Verify(First(proc, "infNFe")).IsValid);
    }

    [Fact]
    public void Nfe_signed_inside_a_lot_verifies_on_its_own()
    {
        var (_, target, _) = Signed(EnviNfeTricky, "infNFe");

        var alone = Standalone((XmlElement)target.ParentNode!);

        Assert.True(SignatureVerifier.Verify(First(alone, "infNFe")).IsValid);
    }

    [Fact]
    public void Unsigned_element_is_missing_its_signature()
    {
        var document = Load(Nfe10k);

        Assert.Equal(SignatureFailure.Missing, SignatureVerifier.Verify(First(document, "infNFe")).Failure);
    }

    [Fact]
    public void Altered_content_fails_the_digest()
    {
        var (document, target, _) = Signed(Nfe10k, "infNFe");
        First(document, "vNF").InnerText = "1.00";

        var check = SignatureVerifier.Verify(target);

        Assert.Equal(SignatureFailure.DigestMismatch, check.Failure);
        Assert.NotNull(check.Certificate);
    }

    [Fact]
    public void Added_whitespace_inside_the_signed_element_fails_the_digest()
    {
        var (document, target, _) = Signed(Nfe10k, "infNFe");
        target.InsertBefore(document.CreateWhitespace("\n"), target.FirstChild);

        Assert.Equal(SignatureFailure.DigestMismatch, SignatureVerifier.Verify(target).Failure);
    }

    [Fact]
    public void Altered_SignedInfo_fails_the_signature()
    {
        var (document, target, _) = Signed(Nfe10k, "infNFe");
        // Whitespace inside SignedInfo keeps the profile but changes its canonical form.
        var signedInfo = Dsig(SigningFixtures.Signature(target), "SignedInfo");
        signedInfo.AppendChild(document.CreateWhitespace(" "));

        Assert.Equal(SignatureFailure.SignatureInvalid, SignatureVerifier.Verify(target).Failure);
    }

    [Fact]
    public void Altered_SignatureValue_fails_the_signature()
    {
        var (_, target, _) = Signed(Nfe10k, "infNFe");
        var value = Dsig(SigningFixtures.Signature(target), "SignatureValue");
        var bytes = Convert.FromBase64String(value.InnerText);
        bytes[100] ^= 0x01;
        value.InnerText = Convert.ToBase64String(bytes);

        Assert.Equal(SignatureFailure.SignatureInvalid, SignatureVerifier.Verify(target).Failure);
    }

    [Fact]
    public void Swapped_certificate_fails_the_signature()
    {
        var (_, target, _) = Signed(Nfe10k, "infNFe");
        Dsig(SigningFixtures.Signature(target), "X509Certificate").InnerText = Convert.ToBase64String(OtherSigner.RawData);

        var check = SignatureVerifier.Verify(target);

        Assert.Equal(SignatureFailure.SignatureInvalid, check.Failure);
        Assert.Equal(OtherSigner.Thumbprint, check.Certificate!.Thumbprint);
    }

    [Theory]
    [InlineData("AAAA")]
    [InlineData("not base64 at all!")]
    [InlineData("")]
    public void Unreadable_certificate_is_reported(string certificateText)
    {
        var (_, target, _) = Signed(Nfe10k, "infNFe");
        Dsig(SigningFixtures.Signature(target), "X509Certificate").InnerText = certificateText;

        var check = SignatureVerifier.Verify(target);

        Assert.Equal(SignatureFailure.CertificateUnreadable, check.Failure);
        Assert.Null(check.Certificate);
    }

    [Fact]
    public void Duplicated_Id_elsewhere_in_the_document_is_a_reference_mismatch()
    {
        var (document, target, _) = Signed(EnviNfeTricky, "infNFe");
        var decoy = document.CreateElement("infNFe", NfeNamespace);
        decoy.SetAttribute("Id", target.GetAttribute("Id"));
        document.DocumentElement!.AppendChild(decoy);

        Assert.Equal(SignatureFailure.ReferenceMismatch, SignatureVerifier.Verify(target).Failure);
    }

    [Fact]
    public void Forged_element_in_place_of_a_moved_signed_element_is_refused()
    {
        // Classic wrapping: the genuine signed infNFe is hidden elsewhere and a forged copy with the same Id takes its
        // place in front of the genuine Signature.
        var (document, target, _) = Signed(Nfe10k, "infNFe");
        var nfe = (XmlElement)target.ParentNode!;
        var forged = (XmlElement)target.CloneNode(deep: true);
        forged.GetElementsByTagName("vNF", NfeNamespace)[0]!.InnerText = "0.01";
        nfe.ReplaceChild(forged, target);
        var hiding = document.CreateElement("infAdic", NfeNamespace);
        hiding.AppendChild(target);
        forged.AppendChild(hiding);

        Assert.Equal(SignatureFailure.ReferenceMismatch, SignatureVerifier.Verify(forged).Failure);
        Assert.Equal(SignatureFailure.Missing, SignatureVerifier.Verify(target).Failure);
    }

    [Fact]
    public void Signature_moved_away_from_the_signed_element_is_missing()
    {
        var (document, target, _) = Signed(EnviNfeTricky, "infNFe");
        var signature = SigningFixtures.Signature(target);
        document.DocumentElement!.AppendChild(signature);

        Assert.Equal(SignatureFailure.Missing, SignatureVerifier.Verify(target).Failure);
    }

    [Fact]
    public void Signature_of_another_element_is_a_reference_mismatch()
    {
        var document = Load(EnviNfeTricky);
        var infNFes = document.GetElementsByTagName("infNFe", NfeNamespace).OfType<XmlElement>().ToList();
        new XmlDsigSigner(Signer).Sign(infNFes[1]);
        // The second NF-e's valid signature is copied under the first NF-e.
        infNFes[0].ParentNode!.AppendChild(SigningFixtures.Signature(infNFes[1]).CloneNode(deep: true));

        var check = SignatureVerifier.Verify(infNFes[0]);

        Assert.Equal(SignatureFailure.ReferenceMismatch, check.Failure);
        Assert.True(SignatureVerifier.Verify(infNFes[1]).IsValid);
    }

    [Fact]
    public void Extra_Reference_is_not_standard()
    {
        var (_, target, _) = Signed(Nfe10k, "infNFe");
        var reference = Dsig(SigningFixtures.Signature(target), "Reference");
        reference.ParentNode!.AppendChild(reference.CloneNode(deep: true));

        Assert.Equal(SignatureFailure.NotStandard, SignatureVerifier.Verify(target).Failure);
    }

    [Theory]
    [InlineData("SignatureMethod", "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256")]
    [InlineData("DigestMethod", "http://www.w3.org/2001/04/xmlenc#sha256")]
    [InlineData("CanonicalizationMethod", "http://www.w3.org/2001/10/xml-exc-c14n#")]
    [InlineData("Transform", "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments")]
    public void Other_algorithms_are_not_standard(string element, string algorithm)
    {
        var (_, target, _) = Signed(Nfe10k, "infNFe");
        Dsig(SigningFixtures.Signature(target), element).SetAttribute("Algorithm", algorithm);

        Assert.Equal(SignatureFailure.NotStandard, SignatureVerifier.Verify(target).Failure);
    }

    [Fact]
    public void KeyInfo_with_more_than_the_certificate_is_not_standard()
    {
        var (document, target, _) = Signed(Nfe10k, "infNFe");
        var x509Data = Dsig(SigningFixtures.Signature(target), "X509Data");
        x509Data.AppendChild(document.CreateElement("X509SubjectName", DsigNamespace))!.InnerText = "CN=x";

        Assert.Equal(SignatureFailure.NotStandard, SignatureVerifier.Verify(target).Failure);
    }

    [Fact]
    public void Object_element_in_the_signature_is_not_standard()
    {
        var (document, target, _) = Signed(Nfe10k, "infNFe");
        SigningFixtures.Signature(target).AppendChild(document.CreateElement("Object", DsigNamespace));

        Assert.Equal(SignatureFailure.NotStandard, SignatureVerifier.Verify(target).Failure);
    }

    [Fact]
    public void Two_signatures_under_the_parent_are_not_standard()
    {
        var (_, target, _) = Signed(Nfe10k, "infNFe");
        var signature = SigningFixtures.Signature(target);
        signature.ParentNode!.AppendChild(signature.CloneNode(deep: true));

        Assert.Equal(SignatureFailure.NotStandard, SignatureVerifier.Verify(target).Failure);
    }

    [Fact]
    public void Signature_before_the_signed_element_is_not_standard()
    {
        var (_, target, _) = Signed(Nfe10k, "infNFe");
        var signature = SigningFixtures.Signature(target);
        target.ParentNode!.InsertBefore(signature, target);

        Assert.Equal(SignatureFailure.NotStandard, SignatureVerifier.Verify(target).Failure);
    }

    [Fact]
    public void Indented_signature_from_another_signer_is_accepted()
    {
        var (document, target, _) = Signed(Nfe10k, "infNFe");
        var signature = SigningFixtures.Signature(target);
        // Whitespace between Signature's children is outside SignedInfo, so the signature stays valid.
        foreach (var child in signature.ChildNodes.OfType<XmlElement>().ToList())
        {
            signature.InsertBefore(document.CreateWhitespace("\n  "), child);
        }

        Assert.True(SignatureVerifier.Verify(target).IsValid);
    }

    [Fact]
    public void Detached_element_is_missing_its_signature()
    {
        var document = Load(Nfe10k);
        var detached = (XmlElement)First(document, "infNFe").CloneNode(deep: true);

        Assert.Equal(SignatureFailure.Missing, SignatureVerifier.Verify(detached).Failure);
    }

    private static (XmlDocument Document, XmlElement Target, string Digest) Signed(string fixture, string element)
    {
        var document = Load(fixture);
        var digest = new XmlDsigSigner(Signer).Sign(document, element);
        return (document, First(document, element), digest);
    }
}
