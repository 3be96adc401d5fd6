using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml;
using Tss.Protocol.Signing;
using static Tss.Protocol.Tests.Signing.SigningFixtures;

namespace Tss.Protocol.Tests.Signing;

/// <summary>
/// Interoperability with xmlsec1 (libxmlsec1 over libxml2 and OpenSSL), an implementation independent of ours and of
/// .NET: it must verify what we sign, with the certificate chained to the test CA, and we must verify what it signs.
/// xmlsec1 verifies in place, so it is given the signed unit (NFe, evento, inutNFe) as its own document: the document
/// the profile signs (see InclusiveC14N).
/// </summary>
public sealed class XmlSec1InteropTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tss-xmlsec1-").FullName;

    public static TheoryData<string, string> Fixtures => All;

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Xmlsec1_verifies_our_signature_against_the_test_CA(string fixture, string element)
    {
        var document = Load(fixture);
        new XmlDsigSigner(Signer).Sign(document, element);
        var file = WriteUnit("signed.xml", First(document, element));

        var result = Verify(file, element);

        Assert.True(result.Succeeded, result.Output);
    }

    [Fact]
    public void Xmlsec1_verifies_each_signature_of_a_lot()
    {
        var document = Load(EnviNfeTricky);
        using var signer = new XmlDsigSigner(Signer);
        var infNFes = document.GetElementsByTagName("infNFe", NfeNamespace).OfType<XmlElement>().ToList();
        foreach (var infNFe in infNFes)
        {
            signer.Sign(infNFe);
        }

        Assert.Equal(2, infNFes.Count);
        Assert.All(infNFes, infNFe =>
        {
            var result = Verify(WriteUnit($"nfe-{infNFe.GetAttribute("Id")}.xml", infNFe), "infNFe");
            Assert.True(result.Succeeded, result.Output);
        });
    }

    [Fact]
    public void Xmlsec1_refuses_a_tampered_document()
    {
        var document = Load(Nfe10k);
        new XmlDsigSigner(Signer).Sign(document, "infNFe");
        First(document, "vNF").InnerText = "0.01";
        var file = WriteUnit("tampered.xml", First(document, "infNFe"));

        var result = Verify(file, "infNFe");

        Assert.False(result.Succeeded, "xmlsec1 accepted a tampered document: " + result.Output);
    }

    [Fact]
    public void Xmlsec1_refuses_a_signer_outside_the_trusted_CA()
    {
        using var otherCa = Tss.DevTools.Pki.TestCertificateAuthority.Create("Untrusted CA");
        using var outsider = otherCa.IssueECnpj("11222333000181", "EMITENTE TESTE LTDA");
        var document = Load(Nfe10k);
        new XmlDsigSigner(outsider).Sign(document, "infNFe");
        var file = WriteUnit("outsider.xml", First(document, "infNFe"));

        var result = Verify(file, "infNFe");

        Assert.False(result.Succeeded, "xmlsec1 trusted a certificate from another CA: " + result.Output);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void We_verify_what_xmlsec1_signs(string fixture, string element)
    {
        var original = Load(fixture);
        var unsignedUnit = (XmlElement)First(original, element).ParentNode!;
        var template = Standalone(unsignedUnit);
        var target = First(template, element);
        target.ParentNode!.AppendChild(template.ImportNode(SignatureTemplate(target.GetAttribute("Id")), deep: true));
        var templateFile = Write("template.xml", template);
        var keyFile = Path.Combine(_directory, "key.pem");
        var certificateFile = Path.Combine(_directory, "cert.pem");
        using (var key = Signer.GetRSAPrivateKey()!)
        {
            File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        }

        File.WriteAllText(certificateFile, Signer.ExportCertificatePem());
        var output = Path.Combine(_directory, "xmlsec1-signed.xml");

        var result = XmlSec1.Run("--sign", "--privkey-pem", $"{keyFile},{certificateFile}",
            "--id-attr:Id", IdNode(element), "--output", output, templateFile);

        Assert.True(result.Succeeded, result.Output);
        var signed = Parse(File.ReadAllText(output, Encoding.UTF8));
        var check = SignatureVerifier.Verify(First(signed, element));
        Assert.True(check.IsValid, check.Detail);
        Assert.Equal(Signer.Thumbprint, check.Certificate!.Thumbprint);

        // Back in its original envelope (enviNFe, nfeProc, envEvento), the xmlsec1 signature still verifies.
        unsignedUnit.ParentNode!.ReplaceChild(original.ImportNode(signed.DocumentElement!, deep: true), unsignedUnit);
        var embedded = SignatureVerifier.Verify(First(original, element));
        Assert.True(embedded.IsValid, embedded.Detail);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private XmlSec1.Result Verify(string file, string element, string? signatureXPath = null)
    {
        var ca = Path.Combine(_directory, "ca.pem");
        Ca.ExportCaPem(ca);
        var arguments = new List<string> { "--verify", "--id-attr:Id", IdNode(element), "--trusted-pem", ca };
        if (signatureXPath is not null)
        {
            arguments.AddRange(["--node-xpath", signatureXPath]);
        }

        arguments.Add(file);
        return XmlSec1.Run([.. arguments]);
    }

    /// <summary>xmlsec1 knows no schema, so the Id attribute of the signed element is declared on the command line.</summary>
    private static string IdNode(string element) => $"{NfeNamespace}:{element}";

    private string WriteUnit(string name, XmlElement signedElement) => Write(name, Standalone((XmlElement)signedElement.ParentNode!));

    private string Write(string name, XmlDocument document)
    {
        var path = Path.Combine(_directory, name);
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), NewLineHandling = NewLineHandling.Entitize };
        using var writer = XmlWriter.Create(path, settings);
        document.Save(writer);
        return path;
    }

    private static XmlElement SignatureTemplate(string id)
    {
        var xml = $"<Signature xmlns=\"{DsigNamespace}\"><SignedInfo>"
            + "<CanonicalizationMethod Algorithm=\"http://www.w3.org/TR/2001/REC-xml-c14n-20010315\"/>"
            + "<SignatureMethod Algorithm=\"http://www.w3.org/2000/09/xmldsig#rsa-sha1\"/>"
            + $"<Reference URI=\"#{id}\"><Transforms>"
            + "<Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"/>"
            + "<Transform Algorithm=\"http://www.w3.org/TR/2001/REC-xml-c14n-20010315\"/></Transforms>"
            + "<DigestMethod Algorithm=\"http://www.w3.org/2000/09/xmldsig#sha1\"/><DigestValue/></Reference></SignedInfo>"
            + "<SignatureValue/><KeyInfo><X509Data><X509Certificate/></X509Data></KeyInfo></Signature>";
        return Parse(xml).DocumentElement!;
    }
}
