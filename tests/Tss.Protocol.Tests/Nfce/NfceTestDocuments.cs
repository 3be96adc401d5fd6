using System.Xml;
using Tss.DevTools.Samples;
using Tss.Protocol.Messages;
using Tss.Protocol.Nfce;
using Tss.Protocol.Schemas;
using Tss.Protocol.Signing;
using Tss.Protocol.Xml;

namespace Tss.Protocol.Tests.Nfce;

/// <summary>What the on-line and off-line NFC-e QR code tests share: the test CSC, a sample NFC-e and the checks of a signed one.</summary>
internal static class NfceTestDocuments
{
    /// <summary>A CSC as the UF issues them (id 000001, 36-character token).</summary>
    public static readonly NfceCsc Csc = new("000001", "G8063VRTNDMO886SFNK5LDUDEI24XJ22YIPO");

    /// <summary>A sample NFC-e (two items), unsigned, as parsed XML.</summary>
    public static XmlElement Unsigned(string uf, int tpAmb, int tpEmis = 1, string emitCnpj = "12345678000195", int nNF = 7)
    {
        var xml = SampleNfe.Create(new SampleNfeOptions { EmitCnpj = emitCnpj, Uf = uf, mod = 65, nNF = nNF, tpAmb = tpAmb, tpEmis = tpEmis, Items = 2 });
        return SafeXml.Load(xml).DocumentElement!;
    }

    /// <summary>infNFeSupl sits between infNFe and the signature, the document is schema-valid and the signature still verifies.</summary>
    public static void AssertSignedAndValid(XmlElement nfe)
    {
        Assert.Equal(["infNFe", "infNFeSupl", "Signature"], nfe.ChildNodes.OfType<XmlElement>().Select(e => e.LocalName).ToList());
        var result = NfeSchemas.Shared.Validate(nfe.OuterXml, "nfe_v4.00.xsd");
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors.Select(e => e.Message)));
        Assert.True(SignatureVerifier.Verify(nfe["infNFe", NfeNamespaces.Nfe]!).IsValid);
    }
}
