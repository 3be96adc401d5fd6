using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Text;
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

    public static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Signing", name);

    public static string Text(string name) => File.ReadAllText(FixturePath(name));

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

    /// <summary>Serializes a node so that parsing it again yields the same DOM (CR, TAB, LF kept as references).</summary>
    public static string Serialize(XmlNode node)
    {
        var builder = new StringBuilder();
        var settings = new XmlWriterSettings { OmitXmlDeclaration = true, NewLineHandling = NewLineHandling.Entitize, ConformanceLevel = ConformanceLevel.Fragment };
        using (var writer = XmlWriter.Create(builder, settings))
        {
            node.WriteTo(writer);
        }

        return builder.ToString();
    }

    /// <summary>The signed unit (NFe, evento, inutNFe) as a document of its own, as it was when it was signed.</summary>
    public static XmlDocument Standalone(XmlElement unit) => Parse(Serialize(unit));

    /// <summary>
    /// Canonical form by the .NET transform of <paramref name="element"/> within the document made of
    /// <paramref name="documentRoot"/> alone (serialized and parsed again): an independent rendering of the profile's
    /// "the NFe is the signed document" rule.
    /// </summary>
    public static byte[] DotNetCanonical(XmlElement element, XmlElement documentRoot)
    {
        var standalone = Standalone(documentRoot);
        var index = documentRoot.GetElementsByTagName("*").OfType<XmlElement>().ToList().IndexOf(element);
        var copy = index < 0 ? standalone.DocumentElement! : standalone.DocumentElement!.GetElementsByTagName("*").OfType<XmlElement>().ElementAt(index);
        return DotNetCanonical(copy);
    }

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
