using System.Xml;
using Tss.Protocol.Messages;
using Tss.Protocol.Xml;

namespace Tss.Protocol.Tests;

public partial class NfeResponsesTests
{
    private const string Key1 = "35250312345678000190550010000012341739205184";
    private const string Key2 = "35250312345678000190550010000012351739205181";
    private static readonly TimeSpan Brasilia = TimeSpan.FromHours(-3);

    [Fact]
    public void Async_lot_acceptance_carries_receipt_and_average_time()
    {
        var ret = NfeResponses.ParseRetEnviNFe(Load("retEnviNFe-103-async.xml"));

        Assert.Equal(103, ret.cStat);
        Assert.Equal("Lote recebido com sucesso", ret.xMotivo);
        Assert.Equal("351000123456789", ret.nRec);
        Assert.Equal(1, ret.tMed);
        Assert.Null(ret.protNFe);
        Assert.Equal(2, ret.tpAmb);
        Assert.Equal(35, ret.cUF);
        Assert.Equal("SP_NFE_PL009_V4", ret.verAplic);
        Assert.Equal(new DateTimeOffset(2025, 3, 10, 14, 32, 7, Brasilia), ret.dhRecbto);
    }

    [Fact]
    public void Sync_lot_carries_the_authorization_protocol()
    {
        var ret = NfeResponses.ParseRetEnviNFe(Load("retEnviNFe-104-sync-authorized.xml"));

        Assert.Equal(104, ret.cStat);
        Assert.Null(ret.nRec);
        Assert.Null(ret.tMed);
        var prot = Assert.IsType<ProtNFe>(ret.protNFe);
        Assert.Equal(100, prot.cStat);
        Assert.Equal("Autorizado o uso da NF-e", prot.xMotivo);
        Assert.Equal(Key1, prot.chNFe);
        Assert.Equal("135250001234567", prot.nProt);
        Assert.Equal("kQhGz3T1Z0bq2l7G6Rj8m9Yw1xE=", prot.digVal);
        Assert.Equal(new DateTimeOffset(2025, 3, 10, 14, 32, 7, Brasilia), prot.dhRecbto);
        Assert.Null(prot.cMsg);
    }

    [Fact]
    public void Sync_lot_with_a_rejected_document_has_no_protocol_number()
    {
        var ret = NfeResponses.ParseRetEnviNFe(Load("retEnviNFe-104-sync-rejected.xml"));

        var prot = Assert.IsType<ProtNFe>(ret.protNFe);
        Assert.Equal(539, prot.cStat);
        Assert.Null(prot.nProt);
        Assert.Equal(Key2, prot.chNFe);
        Assert.Contains("[nRec:331000987654321]", prot.xMotivo, StringComparison.Ordinal);
    }

    [Fact]
    public void Lot_rejection_has_neither_receipt_nor_protocol()
    {
        var ret = NfeResponses.ParseRetEnviNFe(Load("retEnviNFe-225-lot-rejected.xml"));

        Assert.Equal(225, ret.cStat);
        Assert.Null(ret.nRec);
        Assert.Null(ret.tMed);
        Assert.Null(ret.protNFe);
    }

    [Fact]
    public void Processed_receipt_lists_one_protocol_per_document()
    {
        var ret = NfeResponses.ParseRetConsReciNFe(Load("retConsReciNFe-104-three-documents.xml"));

        Assert.Equal(104, ret.cStat);
        Assert.Equal("351000123456789", ret.nRec);
        Assert.Equal([100, 302, 598], ret.protNFe.Select(p => p.cStat));
        Assert.Equal("13525000123456789", ret.protNFe[0].nProt);
        Assert.Equal("135250001234568", ret.protNFe[1].nProt);
        Assert.Null(ret.protNFe[2].nProt);
        Assert.Equal("1", ret.protNFe[2].cMsg);
        Assert.Equal("Verifique o campo dest/xNome", ret.protNFe[2].xMsg);
        Assert.Null(ret.cMsg);
    }

    [Theory]
    [InlineData("retConsReciNFe-105-processing.xml", 105, "351000123456789", null)]
    [InlineData("retConsReciNFe-106-unknown-receipt.xml", 106, "351000999999999", null)]
    [InlineData("retConsReciNFe-656-consumo-indevido.xml", 656, "331000987654321", "656")]
    public void Receipt_answers_without_documents_are_read(string fixture, int cStat, string nRec, string? cMsg)
    {
        var ret = NfeResponses.ParseRetConsReciNFe(Load(fixture));

        Assert.Equal(cStat, ret.cStat);
        Assert.Equal(nRec, ret.nRec);
        Assert.Empty(ret.protNFe);
        Assert.Equal(cMsg, ret.cMsg);
        Assert.Equal(cMsg is null, ret.xMsg is null);
    }

    [Fact]
    public void Service_in_operation_reports_average_time()
    {
        var ret = NfeResponses.ParseRetConsStatServ(Load("retConsStatServ-107-in-operation.xml"));

        Assert.Equal(107, ret.cStat);
        Assert.Equal(1, ret.tMed);
        Assert.Null(ret.dhRetorno);
        Assert.Null(ret.xObs);
    }

    [Fact]
    public void Paralysed_service_reports_return_time_and_observation()
    {
        var ret = NfeResponses.ParseRetConsStatServ(Load("retConsStatServ-108-paralysed.xml"));

        Assert.Equal(108, ret.cStat);
        Assert.Equal(31, ret.cUF);
        Assert.Null(ret.tMed);
        Assert.Equal(new DateTimeOffset(2025, 3, 10, 23, 0, 0, Brasilia), ret.dhRetorno);
        Assert.Equal("Manutencao programada do ambiente de autorizacao", ret.xObs);
    }

    [Fact]
    public void Service_paralysed_without_forecast_keeps_its_own_offset()
    {
        var ret = NfeResponses.ParseRetConsStatServ(Load("retConsStatServ-109-no-forecast.xml"));

        Assert.Equal(109, ret.cStat);
        Assert.Equal(TimeSpan.FromHours(-4), ret.dhRecbto.Offset);
        Assert.Null(ret.dhRetorno);
    }

    [Theory]
    [InlineData("retConsSitNFe-100-authorized.xml", 100, "135250001234567")]
    [InlineData("retConsSitNFe-150-authorized-late.xml", 150, "333250000456789")]
    public void Consulted_authorized_document_carries_its_protocol(string fixture, int cStat, string nProt)
    {
        var ret = NfeResponses.ParseRetConsSitNFe(Load(fixture));

        Assert.Equal(cStat, ret.cStat);
        var prot = Assert.IsType<ProtNFe>(ret.protNFe);
        Assert.Equal(cStat, prot.cStat);
        Assert.Equal(nProt, prot.nProt);
        Assert.Equal(ret.chNFe, prot.chNFe);
        Assert.Empty(ret.procEventoNFeXml);
    }

    [Fact]
    public void Consulted_cancelled_document_carries_the_cancellation_event_as_received()
    {
        var (root, source) = LoadWithSource("retConsSitNFe-101-cancelled.xml");

        var ret = NfeResponses.ParseRetConsSitNFe(root, source);

        Assert.Equal(101, ret.cStat);
        Assert.Equal(100, ret.protNFe?.cStat);
        var procEvento = Assert.Single(ret.procEventoNFeXml);
        Assert.Equal(WithNfeNamespace(Slice(source, "procEventoNFe")), procEvento);
        var standalone = SafeXml.Load(procEvento).DocumentElement!;
        Assert.Equal(NfeNamespaces.Nfe, standalone.NamespaceURI);
        Assert.Equal("135", standalone.GetElementsByTagName("cStat", NfeNamespaces.Nfe)[0]?.InnerText);
        Assert.Single(standalone.GetElementsByTagName("Signature", NfeNamespaces.XmlDsig).Cast<XmlElement>());
    }

    [Theory]
    [InlineData("retConsSitNFe-217-unknown-key.xml", 217)]
    [InlineData("retConsSitNFe-526-key-too-old.xml", 526)]
    public void Consultation_rejections_have_no_protocol(string fixture, int cStat)
    {
        var ret = NfeResponses.ParseRetConsSitNFe(Load(fixture));

        Assert.Equal(cStat, ret.cStat);
        Assert.Null(ret.protNFe);
        Assert.Empty(ret.procEventoNFeXml);
        Assert.Equal(44, ret.chNFe.Length);
    }

    [Fact]
    public void Protocol_text_is_the_exact_received_element_with_its_namespace_declared()
    {
        var (root, source) = LoadWithSource("retConsReciNFe-104-formatted-signed-protocol.xml");

        var prot = Assert.Single(NfeResponses.ParseRetConsReciNFe(root, source).protNFe);

        // Single quotes, CR LF, character references and SEFAZ's signature stay byte for byte.
        Assert.Equal(WithNfeNamespace(Slice(source, "protNFe")), prot.Xml);
        Assert.Contains("Autoriza&#231;&#227;o concedida &quot;uso&quot; &gt; OK", prot.Xml, StringComparison.Ordinal);
        Assert.Equal("Autorização concedida \"uso\" > OK", prot.xMotivo);
        Assert.Equal("141250000777123", prot.nProt);
    }

    [Fact]
    public void Prefixed_protocol_text_declares_its_prefix()
    {
        var (root, source) = LoadWithSource("retConsReciNFe-104-prefixed.xml");

        var prot = Assert.Single(NfeResponses.ParseRetConsReciNFe(root, source).protNFe);

        var raw = Slice(source, "ns2:protNFe");
        Assert.Equal(raw.Insert("<ns2:protNFe".Length, " xmlns:ns2=\"http://www.portalfiscal.inf.br/nfe\""), prot.Xml);
        Assert.Equal(100, prot.cStat);
    }

    [Fact]
    public void Protocol_text_without_source_still_stands_alone()
    {
        var ret = NfeResponses.ParseRetConsReciNFe(Load("retConsReciNFe-104-three-documents.xml"));

        foreach (var prot in ret.protNFe)
        {
            var element = SafeXml.Load(prot.Xml).DocumentElement!;
            Assert.Equal(("protNFe", NfeNamespaces.Nfe), (element.LocalName, element.NamespaceURI));
            Assert.Equal(prot.chNFe, element.GetElementsByTagName("chNFe", NfeNamespaces.Nfe)[0]?.InnerText);
        }
    }

    [Fact]
    public void Parsing_a_protocol_on_its_own_reads_infProt()
    {
        var (root, source) = LoadWithSource("retEnviNFe-104-sync-authorized.xml");
        var element = (XmlElement)root.GetElementsByTagName("protNFe", NfeNamespaces.Nfe)[0]!;

        var prot = NfeResponses.ParseProtNFe(element, source);

        Assert.Equal("135250001234567", prot.nProt);
        Assert.Equal(WithNfeNamespace(Slice(source, "protNFe")), prot.Xml);
    }

    private static string Read(string fixture) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Responses", fixture));

    private static XmlElement Load(string fixture) => LoadWithSource(fixture).Root;

    private static (XmlElement Root, string Source) LoadWithSource(string fixture)
    {
        var source = Read(fixture);
        return (SafeXml.Load(source).DocumentElement!, source);
    }

    /// <summary>The exact text of the first element with this qualified name, found by plain string search.</summary>
    private static string Slice(string source, string qualifiedName)
    {
        var start = source.IndexOf("<" + qualifiedName + " ", StringComparison.Ordinal);
        var endTag = "</" + qualifiedName + ">";
        var end = source.IndexOf(endTag, start, StringComparison.Ordinal) + endTag.Length;
        return source[start..end];
    }

    private static string WithNfeNamespace(string raw)
    {
        var nameEnd = raw.IndexOf(' ', StringComparison.Ordinal);
        return raw.Insert(nameEnd, " xmlns=\"" + NfeNamespaces.Nfe + "\"");
    }
}
