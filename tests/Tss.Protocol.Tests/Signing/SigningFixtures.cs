using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using Tss.DevTools.Pki;

namespace Tss.Protocol.Tests.Signing;

/// <summary>Fixture documents, the test PKI and an independent canonicalizer for the signing tests.</summary>
internal static class SigningFixtures
{
    public const string NfeNamespace = "http://www.portalfiscal.inf.br/nfe";
    public const string DsigNamespace = "http://www.w3.org/2000/09/xmldsig#";
    public const string Nfe10k = "nfe-10k.xml";
    public const string NfeIndented = "nfe-indented.xml";
    public const string EnviNfeTricky = "envinfe-tricky.xml";
    public const string NfeProcTricky = "nfeproc-tricky.xml";
    public const string Evento = "evento-cancelamento.xml";
    public const string Inutilizacao = "inutilizacao.xml";

    /// <summary>Every fixture with the element it signs.</summary>
    public static TheoryData<string, string> All => new()
    {
        { Nfe10k, "infNFe" },
        { NfeIndented, "infNFe" },
        { EnviNfeTricky, "infNFe" },
        { NfeProcTricky, "infNFe" },
        { Evento, "infEvento" },
        { Inutilizacao, "infInut" },
    };

    private static readonly Lazy<TestCertificateAuthority> LazyCa = new(() => TestCertificateAuthority.Create("TSS Signing Tests CA"));
    private static readonly Lazy<X509Certificate2> LazySigner = new(() => Ca.IssueECnpj("11222333000181", "EMITENTE TESTE LTDA"));
    private static readonly Lazy<X509Certificate2> LazyOther = new(() => Ca.IssueECnpj("99888777000144", "OUTRA EMPRESA LTDA"));

    public static TestCertificateAuthority Ca => LazyCa.Value;
    public static X509Certificate2 Signer => LazySigner.Value;
    public static X509Certificate2 OtherSigner => LazyOther.Value;

    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "Signing", name);

    public static string Text(string name) => File.ReadAllText(Path(name));

    /// <summary>Parses like the product does: whitespace preserved, no DTD, no resolver.</summary>
    public static XmlDocument Load(string name) => Parse(Text(name));

    public static XmlDocument Parse(string xml)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        document.Load(reader);
        return document;
    }

    public static XmlElement First(XmlDocument document, string localName) =>
        document.GetElementsByTagName(localName, "*").OfType<XmlElement>().First();

    public static XmlElement Signature(XmlElement signedElement) =>
        signedElement.ParentNode!.ChildNodes.OfType<XmlElement>().Single(e => e.LocalName == "Signature" && e.NamespaceURI == DsigNamespace);

    public static XmlElement Dsig(XmlElement signature, string localName) =>
        signature.GetElementsByTagName(localName, DsigNamespace).OfType<XmlElement>().First();

    /// <summary>
    /// Canonical form by System.Security.Cryptography.Xml's C14N transform: the element is copied into its own document
    /// with the namespace declarations of its ancestors (nearest first), which is what SignedXml does for "#Id".
    /// </summary>
    public static byte[] DotNetCanonical(XmlElement element)
    {
        var copy = new XmlDocument { PreserveWhitespace = true };
        var root = (XmlElement)copy.ImportNode(element, deep: true);
        copy.AppendChild(root);
        for (var node = element.ParentNode; node is XmlElement ancestor; node = node.ParentNode)
        {
            foreach (XmlAttribute attribute in ancestor.Attributes)
            {
                if (attribute.NamespaceURI == "http://www.w3.org/2000/xmlns/" && root.GetAttributeNode(attribute.Name) is null)
                {
                    root.SetAttributeNode((XmlAttribute)copy.ImportNode(attribute, deep: true));
                }
            }
        }

        var transform = new XmlDsigC14NTransform();
        transform.LoadInput(copy);
        using var output = (Stream)transform.GetOutput(typeof(Stream));
        using var buffer = new MemoryStream();
        output.CopyTo(buffer);
        return buffer.ToArray();
    }
}
